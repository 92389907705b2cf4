/*
 * scene.h — what the GUI shows at one event, as plain data.
 *
 * The timeline rebuilds the heap at event i; an adapter (scene.c) turns
 * that into a gs_Scene: objects with their labels and counts, edges with
 * their slot labels, frames with their names, the collector's state and
 * the program's position.  The UI (ui.c) and the heap layout (layout.c)
 * read only this, so they are tested with hand-made scenes.
 *
 * Ownership: a gs_Scene owns all its arrays and strings; gs_scene_clear
 * empties it for reuse, gs_scene_free releases it.
 */
#ifndef GS_SCENE_H
#define GS_SCENE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where an object is drawn: its band (column) on the heap canvas. */
typedef enum gs_Band {
    GS_BAND_GEN0, GS_BAND_GEN1, GS_BAND_GEN2, GS_BAND_PERMANENT, GS_BAND_UNTRACKED,
    GS_BAND_COUNT
} gs_Band;

enum {                                /* gs_SceneObject.flags */
    GS_SO_UNREACHABLE = 1 << 0,       /* tentatively unreachable in the current pass */
    GS_SO_COLLECTING  = 1 << 1,       /* in the generations being collected */
    GS_SO_FINALIZED   = 1 << 2,       /* __del__ has run */
    GS_SO_PRIMITIVE   = 1 << 3,       /* int/str/float/bool: may be drawn inline */
    GS_SO_GARBAGE     = 1 << 4,       /* in gc.garbage */
    GS_SO_HAS_GCREFS  = 1 << 5,       /* gc_refs is meaningful now */
    GS_SO_DEFINITION  = 1 << 6,       /* a function, a class or a class's namespace */
    GS_SO_GROUPED     = 1 << 7        /* one of many alike objects only a container holds: drawn as its group */
};

typedef struct gs_SceneSlot {         /* one outgoing reference of an object */
    char label[24];                   /* "0", "'key'", "next" */
    uint32_t target;                  /* object id */
    bool weak;                        /* a weakref's referent: no count, drawn dashed */
} gs_SceneSlot;

typedef struct gs_SceneObject {
    uint32_t id;
    char type[32];                    /* "list", "Node", "int" */
    char value[48];                   /* short value for primitives ("42", "'hi'") or "" */
    int refcount;
    int64_t gc_refs;
    uint8_t band;                     /* gs_Band */
    uint8_t flags;
    int created_line;
    int nslots;                       /* slots kept here (a long container keeps its first and last ones) */
    int first_slot;                   /* index into scene->slots */
    int nrefs;                        /* the references it holds that the canvas would draw, all of them */
    int slots_gap;                    /* index in its slots after which nrefs - nslots are left out, -1 none */
    uint32_t group;                   /* GS_SO_GROUPED: the container; a group's first member: group_count > 0 */
    int group_count;                  /* the first member of a group: how many alike objects it stands for */
    uint32_t band_order;              /* stable order inside its band (layout input) */
    uint32_t size;                    /* bytes, as sys.getsizeof gives them now */
    uint32_t type_id;                 /* its type name's string id: the key of its BY TYPE row */
    bool allocated;                   /* it has an alloc event: it is counted in BY LINE / BY TYPE */
} gs_SceneObject;

typedef struct gs_SceneName {         /* a name in a frame */
    char name[32];
    uint32_t target;
} gs_SceneName;

typedef struct gs_SceneFrame {
    uint32_t id;
    char title[48];                   /* "module", "f()", "Node.__init__()" */
    int first_name, nnames;           /* into scene->names */
    int line;                         /* its current line */
    bool paused;                      /* a generator's frame waiting at a yield (not on the stack) */
} gs_SceneFrame;

typedef struct gs_SceneGen {
    int count, threshold;
    int objects;                      /* live tracked objects in the generation, all of them */
    int definitions;                  /* of which functions, classes and class namespaces (drawn with D) */
    int interpreter;                  /* of which the interpreter's own (never drawn: modules, built-ins,
                                         the module namespace, code, start-up objects) */
} gs_SceneGen;

/* Who holds the selected object, counted over the whole heap (what the
 * inspector's "held by" and "why is it alive?" say). */
typedef struct gs_SceneHolders {
    uint32_t id;                      /* the object, 0 if none selected */
    int names;                        /* names in frames and the module namespace */
    int slots;                        /* slots and attributes of drawn objects */
    int hidden;                       /* references from objects not drawn (code constants, classes, ...) */
    int temps;                        /* the rest of its count: the expression being evaluated holds them */
    uint32_t dying_holder;            /* or, if not 0, an object already freed whose release of what it held
                                         has yet to reach this one (a list freed lets go of its items one by
                                         one, the last first) */
    char dying_type[32];
    bool finalizing;                  /* its __del__ is running now: the interpreter holds one of the temps
                                         for the call (a count back from 0, or the collector's own) */
} gs_SceneHolders;

/* A row of the BY LINE or BY TYPE view: what the program allocated that is
 * alive now, grouped by the line that made it (tracemalloc's statistics
 * "lineno") or by its type (objgraph's most_common_types), with bytes. */
typedef struct gs_SceneStat {
    uint32_t key;                     /* the line, or the type name's string id */
    char type[32];                    /* BY TYPE: the type's name */
    int count;                        /* live objects */
    uint64_t bytes;                   /* their sizes' sum */
    int growth;                       /* BY TYPE: count minus the count at the marked step (M) */
    int64_t growth_bytes;
} gs_SceneStat;

typedef struct gs_Scene {
    unsigned version;                 /* bumped by gs_scene_clear and each object added */
    uint64_t event;                   /* index of the event just applied */
    uint64_t nevents;                 /* events in the trace */
    int line;                         /* current source line (0 before the first) */
    gs_SceneObject *objects;
    int nobjects, capobjects;
    gs_SceneSlot *slots;
    int nslots, capslots;
    gs_SceneFrame *frames;
    int nframes, capframes;
    gs_SceneName *names;
    int nnames, capnames;
    gs_SceneGen gens[3];
    int permanent;                    /* objects gc.freeze() moved to the permanent generation */
    bool gc_enabled;
    bool in_collection;
    int collecting_gen;               /* generation being collected, or -1 */
    char phase[24];                   /* collector phase name, "" outside a pass */
    char phase_doing[160];            /* what that phase does, in words */
    uint32_t edge_from, edge_to;      /* the internal edge just subtracted (gc_refs), 0 if none */
    char last_event[320];             /* the last event in plain words */
    bool phase_summary;               /* in a collection, last_event tells what the phase on screen did */
    uint32_t focus;                   /* object the last event is about, 0 if none */
    gs_SceneHolders holders;          /* of the selected object */
    uint32_t ns_id;                   /* the module namespace dict (drawn as the module frame) */
    int64_t ns_gc_refs;               /* its gc_refs during a collection that holds it, else -1 */
    uint32_t module_id;               /* the module object holding the namespace, during a collection */
    int64_t module_gc_refs;           /* its gc_refs then (> 0: a root, held from outside the set), else -1 */
    int delta;                        /* +1 / -1 when the last event changed focus's count */
    /* bytes (gs_timeline_bytes): the heap's, what the program allocated,
     * per generation (3: permanent) */
    uint64_t bytes, bytes_allocated, bytes_gen[4];
    /* the BY LINE and BY TYPE views: every object with an alloc event
     * that is alive, sorted by bytes (largest first) */
    gs_SceneStat *by_line, *by_type;
    int nby_line, nby_type, capby_line, capby_type;
} gs_Scene;

void gs_scene_init(gs_Scene *s);
void gs_scene_clear(gs_Scene *s);
void gs_scene_free(gs_Scene *s);
gs_SceneObject *gs_scene_add_object(gs_Scene *s);      /* zeroed; NULL on OOM */
gs_SceneSlot *gs_scene_add_slot(gs_Scene *s, gs_SceneObject *owner);
gs_SceneFrame *gs_scene_add_frame(gs_Scene *s);
gs_SceneStat *gs_scene_add_stat(gs_Scene *s, bool by_type);   /* a zeroed BY TYPE or BY LINE row; NULL on OOM */
gs_SceneName *gs_scene_add_name(gs_Scene *s, gs_SceneFrame *owner);
const gs_SceneObject *gs_scene_find(const gs_Scene *s, uint32_t id); /* binary search: objects sorted by id */
void gs_scene_sort(gs_Scene *s);                        /* sort objects by id (slots follow) */

/* "12,345": bytes as every panel and sentence writes them (sys.getsizeof's
 * figure, exactly, its digits in threes). */
void gs_scene_format_bytes(uint64_t b, char *out, size_t n);
const char *gs_scene_phase_title(const char *phase); /* "subtract_refs" in plain words */

#endif
