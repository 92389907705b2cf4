/*
 * platform.c — window, input translation, headless rendering and PNG output
 * (see platform.h).  The only GUI file besides render.c that calls SDL.
 */
#include "platform.h"

#include <SDL_image.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

/* ================================================================== window */

bool gs_platform_refresh(gs_Platform *p)
{
    int w = 0, h = 0, ow = 0, oh = 0;
    SDL_GetWindowSize(p->window, &w, &h);
    if (SDL_GetRendererOutputSize(p->renderer, &ow, &oh) != 0 || w <= 0 || ow <= 0) {
        ow = w;
        oh = h;
    }
    float scale = w > 0 ? (float)ow / (float)w : 1.0f;
    if (!(scale > 0.1f && scale < 16.0f))
        scale = 1.0f;
    bool changed = scale != p->scale;
    p->w = w;
    p->h = h;
    p->scale = scale;
    return changed;
}

int gs_platform_open(gs_Platform *p, const char *title, int w, int h, char *err, size_t errn)
{
    memset(p, 0, sizeof *p);
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        snprintf(err, errn, "cannot open a display: %s", SDL_GetError());
        return -1;
    }
    p->window = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                                 SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!p->window) {
        snprintf(err, errn, "cannot create a window: %s", SDL_GetError());
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        return -1;
    }
    p->renderer = SDL_CreateRenderer(p->window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!p->renderer)
        p->renderer = SDL_CreateRenderer(p->window, -1, SDL_RENDERER_SOFTWARE);
    if (!p->renderer) {
        snprintf(err, errn, "cannot create a renderer: %s", SDL_GetError());
        SDL_DestroyWindow(p->window);
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        memset(p, 0, sizeof *p);
        return -1;
    }
    SDL_SetWindowMinimumSize(p->window, 640, 400);
    gs_platform_refresh(p);
    return 0;
}

void gs_platform_close(gs_Platform *p)
{
    if (p->renderer)
        SDL_DestroyRenderer(p->renderer);
    if (p->window) {
        SDL_DestroyWindow(p->window);
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
    }
    memset(p, 0, sizeof *p);
}

/* ================================================================== input */

static uint8_t map_mods(Uint16 m)
{
    uint8_t mods = 0;
    if (m & KMOD_SHIFT)
        mods |= GS_MOD_SHIFT;
    if (m & KMOD_CTRL)
        mods |= GS_MOD_CTRL;
#ifdef __APPLE__
    if (m & KMOD_GUI) /* Cmd plays Ctrl's part on a Mac */
        mods |= GS_MOD_CTRL;
#endif
    if (m & KMOD_ALT)
        mods |= GS_MOD_ALT;
    return mods;
}

/* The gs_Key for an SDL keycode, GS_KEY_NONE for keys the UI has no name for.
 * '?', '+' are shifted keys on most layouts: Shift+'/' and '=' (with or
 * without Shift, as zoom keys usually work) count too. */
static gs_Key map_key(SDL_Keycode k, Uint16 mod)
{
    if (k >= SDLK_a && k <= SDLK_z)
        return (gs_Key)(GS_KEY_A + (k - SDLK_a));
    if (k >= SDLK_0 && k <= SDLK_9)
        return (gs_Key)(GS_KEY_0 + (k - SDLK_0));
    if (k >= SDLK_F1 && k <= SDLK_F12)
        return (gs_Key)(GS_KEY_F1 + (k - SDLK_F1));
    switch (k) {
    case SDLK_LEFT: return GS_KEY_LEFT;
    case SDLK_RIGHT: return GS_KEY_RIGHT;
    case SDLK_UP: return GS_KEY_UP;
    case SDLK_DOWN: return GS_KEY_DOWN;
    case SDLK_HOME: return GS_KEY_HOME;
    case SDLK_END: return GS_KEY_END;
    case SDLK_PAGEUP: return GS_KEY_PAGEUP;
    case SDLK_PAGEDOWN: return GS_KEY_PAGEDOWN;
    case SDLK_SPACE: return GS_KEY_SPACE;
    case SDLK_RETURN:
    case SDLK_RETURN2:
    case SDLK_KP_ENTER: return GS_KEY_ENTER;
    case SDLK_ESCAPE: return GS_KEY_ESCAPE;
    case SDLK_TAB: return GS_KEY_TAB;
    case SDLK_BACKSPACE: return GS_KEY_BACKSPACE;
    case SDLK_PLUS:
    case SDLK_KP_PLUS:
    case SDLK_EQUALS: return GS_KEY_PLUS;
    case SDLK_MINUS:
    case SDLK_KP_MINUS: return GS_KEY_MINUS;
    case SDLK_QUESTION: return GS_KEY_QUESTION;
    case SDLK_SLASH: return (mod & KMOD_SHIFT) ? GS_KEY_QUESTION : GS_KEY_NONE;
    default: return GS_KEY_NONE;
    }
}

static bool copy_text(char *dst, size_t n, const char *src)
{
    size_t len = src ? strlen(src) : 0;
    if (len >= n)
        return false;
    memcpy(dst, src ? src : "", len + 1);
    return true;
}

bool gs_platform_translate(const SDL_Event *e, gs_Input *in)
{
    memset(in, 0, sizeof *in);
    switch (e->type) {
    case SDL_QUIT:
        in->kind = GS_IN_QUIT;
        return true;
    case SDL_KEYDOWN: {
        gs_Key k = map_key(e->key.keysym.sym, e->key.keysym.mod);
        if (k == GS_KEY_NONE)
            return false;
        in->kind = GS_IN_KEY;
        in->key = (uint16_t)k;
        in->mods = map_mods(e->key.keysym.mod);
        return true;
    }
    case SDL_TEXTINPUT:
        in->kind = GS_IN_TEXT;
        return copy_text(in->text, sizeof in->text, e->text.text);
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        in->kind = e->type == SDL_MOUSEBUTTONDOWN ? GS_IN_MOUSE_DOWN : GS_IN_MOUSE_UP;
        in->button = e->button.button;
        in->x = (float)e->button.x;
        in->y = (float)e->button.y;
        in->mods = map_mods((Uint16)SDL_GetModState());
        return true;
    case SDL_MOUSEMOTION:
        in->kind = GS_IN_MOUSE_MOVE;
        in->x = (float)e->motion.x;
        in->y = (float)e->motion.y;
        in->mods = map_mods((Uint16)SDL_GetModState());
        return true;
    case SDL_MOUSEWHEEL: {
        float dy = e->wheel.preciseY, dx = e->wheel.preciseX;
        if (e->wheel.direction == SDL_MOUSEWHEEL_FLIPPED) {
            dy = -dy;
            dx = -dx;
        }
        SDL_Keymod km = SDL_GetModState();
        in->mods = (uint8_t)(((km & KMOD_SHIFT) ? GS_MOD_SHIFT : 0) | ((km & KMOD_CTRL) ? GS_MOD_CTRL : 0));
        if (dy == 0 && dx != 0) { /* a sideways wheel: as Shift+wheel */
            dy = -dx;
            in->mods |= GS_MOD_SHIFT;
        }
        if (dy == 0)
            return false;
        in->kind = GS_IN_WHEEL;
        in->dy = dy;
#if SDL_VERSION_ATLEAST(2, 26, 0)
        in->x = (float)e->wheel.mouseX;
        in->y = (float)e->wheel.mouseY;
#else
        int mx = 0, my = 0;
        SDL_GetMouseState(&mx, &my);
        in->x = (float)mx;
        in->y = (float)my;
#endif
        in->mods = map_mods((Uint16)SDL_GetModState());
        return true;
    }
    case SDL_WINDOWEVENT:
        switch (e->window.event) {
        case SDL_WINDOWEVENT_SIZE_CHANGED:
            in->kind = GS_IN_RESIZE;
            in->w = e->window.data1;
            in->h = e->window.data2;
            return true;
        case SDL_WINDOWEVENT_DISPLAY_CHANGED: { /* the scale may have changed */
            SDL_Window *w = SDL_GetWindowFromID(e->window.windowID);
            if (!w)
                return false;
            in->kind = GS_IN_RESIZE;
            SDL_GetWindowSize(w, &in->w, &in->h);
            return true;
        }
        case SDL_WINDOWEVENT_CLOSE:
            in->kind = GS_IN_QUIT;
            return true;
        default:
            return false;
        }
    case SDL_DROPFILE:
        /* a path that does not fit would name another file: drop it */
        in->kind = GS_IN_DROP_FILE;
        return copy_text(in->text, sizeof in->text, e->drop.file);
    default:
        return false;
    }
}

bool gs_platform_poll(gs_Input *in)
{
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        bool ok = gs_platform_translate(&e, in);
        if (e.type == SDL_DROPFILE || e.type == SDL_DROPTEXT)
            SDL_free(e.drop.file);
        if (ok)
            return true;
    }
    return false;
}

/* ================================================================== headless */

/* Marks a target surface whose gs_platform_offscreen initialised SDL video,
 * so the matching close quits it (and only then). */
static char video_inited_here;

int gs_platform_offscreen(int w, int h, SDL_Renderer **out, SDL_Surface **target)
{
    *out = NULL;
    *target = NULL;
    if (w <= 0 || h <= 0 || w > 16384 || h > 16384)
        return SDL_SetError("bad offscreen size %dx%d", w, h);
    /* The software renderer needs no video driver at all; initialising the
     * offscreen one (or dummy) keeps any SDL call that wants video from
     * reaching for a display that CI does not have. */
    bool inited = false;
    if (!SDL_WasInit(SDL_INIT_VIDEO)) {
        const char *env = SDL_getenv("SDL_VIDEODRIVER");
        if (env && *env) {
            inited = SDL_InitSubSystem(SDL_INIT_VIDEO) == 0;
        } else {
            static const char *const drivers[] = {"offscreen", "dummy"};
            for (size_t i = 0; i < 2 && !inited; i++) {
                SDL_SetHint(SDL_HINT_VIDEODRIVER, drivers[i]);
                inited = SDL_InitSubSystem(SDL_INIT_VIDEO) == 0;
            }
            SDL_SetHint(SDL_HINT_VIDEODRIVER, NULL);
        }
    }
    /* ARGB8888, the glyph atlas's format: SDL blits it to itself twice as
     * fast as to ABGR8888 (RGBA32) */
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = s ? SDL_CreateSoftwareRenderer(s) : NULL;
    if (!r) {
        char msg[256];
        snprintf(msg, sizeof msg, "%s", SDL_GetError());
        SDL_FreeSurface(s);
        if (inited)
            SDL_QuitSubSystem(SDL_INIT_VIDEO);
        return SDL_SetError("cannot create an offscreen %dx%d renderer: %s", w, h, msg);
    }
    s->userdata = inited ? &video_inited_here : NULL;
    *out = r;
    *target = s;
    return 0;
}

void gs_platform_offscreen_close(SDL_Renderer *r, SDL_Surface *target)
{
    if (r)
        SDL_DestroyRenderer(r);
    if (target) {
        bool inited = target->userdata == &video_inited_here;
        SDL_FreeSurface(target);
        if (inited)
            SDL_QuitSubSystem(SDL_INIT_VIDEO);
    }
}

/* ================================================================== PNG */

int gs_platform_save_png(SDL_Surface *s, const char *path, char *err, size_t errn)
{
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* renaming a temporary over /dev/null or a directory would replace it */
        snprintf(err, errn, "cannot write %s: %s", path, S_ISDIR(st.st_mode) ? strerror(EISDIR) : "not a regular file");
        return -1;
    }
    size_t n = strlen(path);
    char *tmp = malloc(n + 48);
    if (!tmp) {
        snprintf(err, errn, "cannot write %s: out of memory", path);
        return -1;
    }
    /* The temporary sits beside the target so rename() is atomic; O_EXCL
     * never clobbers a file that happens to have its name. */
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
        snprintf(tmp, n + 48, "%s.%ld-%d.tmp", path, (long)getpid(), attempt);
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        snprintf(err, errn, "cannot write %s: %s", path, strerror(errno));
        free(tmp);
        return -1;
    }
    FILE *f = fdopen(fd, "wb");
    SDL_RWops *rw = f ? SDL_RWFromFP(f, SDL_FALSE) : NULL;
    const char *why = NULL;
    char sdlwhy[256] = "";
    if (!rw) {
        why = f ? "cannot wrap the file for SDL" : strerror(errno);
    } else {
        if (IMG_SavePNG_RW(s, rw, 0) != 0) {
            snprintf(sdlwhy, sizeof sdlwhy, "%s", IMG_GetError());
            why = sdlwhy;
        }
        SDL_RWclose(rw); /* frees the RWops, leaves f open */
    }
    if (!why && (fflush(f) != 0 || fsync(fileno(f)) != 0))
        why = strerror(errno);
    if (f) {
        if (fclose(f) != 0 && !why)
            why = strerror(errno);
    } else {
        close(fd);
    }
    if (!why && rename(tmp, path) != 0)
        why = strerror(errno);
    if (why) {
        snprintf(err, errn, "cannot write %s: %s", path, why);
        unlink(tmp);
        free(tmp);
        return -1;
    }
    free(tmp);
    return 0;
}

void gs_platform_wait(int ms)
{
    SDL_WaitEventTimeout(NULL, ms);
}
