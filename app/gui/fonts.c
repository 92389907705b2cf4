/*
 * fonts.c — find the GUI's three font files (see fonts.h for the order of
 * preference).  fontconfig is asked through a private configuration that is
 * destroyed before returning, so nothing of it outlives the call.
 */
#include "fonts.h"

#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEJAVU_DIR "/usr/share/fonts/truetype/dejavu/"

static bool readable(const char *path)
{
    return path && *path && access(path, R_OK) == 0;
}

static bool copy_path(char *dst, const char *src)
{
    size_t n = strlen(src);
    if (n >= GS_FONT_PATH_MAX)
        return false;
    memcpy(dst, src, n + 1);
    return true;
}

/* The file fontconfig picks for `pattern`, if it is a readable scalable font. */
static bool fc_match(FcConfig *cfg, const char *pattern, char *out)
{
    if (!cfg)
        return false;
    FcPattern *pat = FcNameParse((const FcChar8 *)pattern);
    if (!pat)
        return false;
    FcConfigSubstitute(cfg, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res = FcResultNoMatch;
    FcPattern *match = FcFontMatch(cfg, pat, &res);
    bool ok = false;
    if (match) {
        FcChar8 *file = NULL;
        FcBool scalable = FcTrue;
        FcPatternGetBool(match, FC_SCALABLE, 0, &scalable);
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && scalable &&
            readable((const char *)file))
            ok = copy_path(out, (const char *)file);
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pat);
    return ok;
}

/* One face: the environment variable, else fontconfig, else the fallback
 * file.  An environment variable that names a missing file is an error, not
 * something to silently ignore. */
static int find_face(FcConfig *cfg, const char *env, const char *pattern, const char *fallback, char *out,
                     char *err, size_t errn)
{
    const char *e = env ? getenv(env) : NULL;
    if (e && *e) {
        if (readable(e) && copy_path(out, e))
            return 0;
        snprintf(err, errn, "%s=%s: cannot read that font file", env, e);
        return -1;
    }
    if (fc_match(cfg, pattern, out))
        return 0;
    if (readable(fallback) && copy_path(out, fallback))
        return 0;
    snprintf(err, errn,
             "no font found for \"%s\" (fontconfig found none and %s is missing); install fonts-dejavu-core "
             "or set %s to a .ttf file",
             pattern, fallback, env ? env : "GCSCOPE_FONT");
    return -1;
}

int gs_fonts_find(gs_FontPaths *out, char *err, size_t errn)
{
    memset(out, 0, sizeof *out);
    FcConfig *cfg = FcInitLoadConfigAndFonts(); /* NULL: fall back to files */
    int rc = find_face(cfg, "GCSCOPE_FONT", "DejaVu Sans", DEJAVU_DIR "DejaVuSans.ttf", out->regular, err, errn);
    if (rc == 0) {
        const char *e = getenv("GCSCOPE_FONT");
        if (e && *e) {
            /* The user chose one proportional file: bold is that file, emboldened. */
            memcpy(out->bold, out->regular, sizeof out->bold);
        } else {
            rc = find_face(cfg, NULL, "DejaVu Sans:bold", DEJAVU_DIR "DejaVuSans-Bold.ttf", out->bold, err, errn);
            if (rc != 0) { /* a missing bold face is no reason to fail: embolden the regular one */
                memcpy(out->bold, out->regular, sizeof out->bold);
                rc = 0;
            }
        }
        out->synth_bold = strcmp(out->bold, out->regular) == 0;
    }
    if (rc == 0)
        rc = find_face(cfg, "GCSCOPE_FONT_MONO", "DejaVu Sans Mono", DEJAVU_DIR "DejaVuSansMono.ttf", out->mono,
                       err, errn);
    if (cfg)
        FcConfigDestroy(cfg);
    return rc;
}
