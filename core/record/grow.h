/*
 * grow.h — the one way core's growable arrays get room.
 */
#ifndef GS_GROW_H
#define GS_GROW_H

#include <stdbool.h>
#include <stdlib.h>

/* Make *p hold at least `need` elements of `elem` bytes, doubling *cap
 * (from 16).  False when out of memory (*p and *cap unchanged). */
static inline bool gs_grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t c = *cap ? *cap : 16;
    while (c < need)
        c *= 2;
    void *np = realloc(*p, c * elem);
    if (!np)
        return false;
    *p = np;
    *cap = c;
    return true;
}

#endif
