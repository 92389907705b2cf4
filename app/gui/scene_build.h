/*
 * scene_build.h — timeline state -> gs_Scene, and events in plain words.
 */
#ifndef GS_SCENE_BUILD_H
#define GS_SCENE_BUILD_H

#include "scene.h"
#include "record/timeline.h"

/* Fill `s` from the timeline's current position.  `source` is the program
 * text, used to quote the current line.  Functions, classes and class
 * namespaces are flagged GS_SO_DEFINITION: the UI draws them as boxes only
 * when asked (D), else names bound to them say what they are, inline. */
/* `selected`: the object whose every slot is kept and whose holders are
 * counted (0: none). */
void gs_scene_build(gs_Scene *s, gs_Timeline *tl, const char *source, size_t source_len, uint32_t selected);

/* Whether an object of this kind and type name (a string id of t) is part
 * of the program's definitions, drawn only with D: a function, a class, a
 * loop's iterator (the machinery of a for), and what a class statement
 * puts in the class (a property, a classmethod, a __slots__ name's
 * member_descriptor, the __dict__ and __weakref__ getset_descriptors).  Class namespaces are told apart by who holds them. */
bool gs_scene_definition(const gs_Trace *t, int kind, uint32_t type_name);

/* Event `ev` in words ("line 3 · y = x: list #3 now has 2 references");
 * `focus` is the object it is about, `delta` +1/-1 for count changes. */
void gs_scene_describe(gs_Timeline *tl, size_t ev, const char *source, size_t source_len, char *out, size_t n,
                       uint32_t *focus, int *delta);

#endif
