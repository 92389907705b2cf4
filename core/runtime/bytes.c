/*
 * bytes.c — bytes and bytearray objects (not yet: the hooks the runtime
 * calls, which refuse every operation).
 */
#include "opcodes.h"
#include "runtime.h"

int64_t gs_bytes_hash(gs_Bytes *b) { GS_UNUSED(b); return 0; }
gs_Object *gs_bytes_repr(gs_VM *vm, gs_Object *o) { GS_UNUSED(o); return gs_str_from_cstr(vm, "b''"); }
gs_Object *gs_bytes_binop(gs_VM *vm, int op, gs_Object *a, gs_Object *b, bool inplace)
{ GS_UNUSED(op); GS_UNUSED(a); GS_UNUSED(b); GS_UNUSED(inplace); return gs_newref(vm, vm->notimpl); }
gs_Object *gs_bytes_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{ GS_UNUSED(op); GS_UNUSED(a); GS_UNUSED(b); return gs_newref(vm, vm->notimpl); }
gs_Object *gs_bytes_getitem(gs_VM *vm, gs_Object *o, gs_Object *key) { GS_UNUSED(o); GS_UNUSED(key); gs_raise(vm, vm->e_TypeError, "no"); return NULL; }
int gs_bytes_setitem(gs_VM *vm, gs_Object *o, gs_Object *key, gs_Object *v) { GS_UNUSED(o); GS_UNUSED(key); GS_UNUSED(v); gs_raise(vm, vm->e_TypeError, "no"); return -1; }
int64_t gs_bytes_len(gs_Object *o) { GS_UNUSED(o); return 0; }
int gs_bytes_contains(gs_VM *vm, gs_Object *c, gs_Object *v) { GS_UNUSED(c); GS_UNUSED(v); gs_raise(vm, vm->e_TypeError, "no"); return -1; }
gs_Object *gs_bytes_iter(gs_VM *vm, gs_Object *o) { GS_UNUSED(o); gs_raise(vm, vm->e_TypeError, "no"); return NULL; }
gs_Object *gs_bytes_iter_next(gs_VM *vm, gs_Iter *it) { GS_UNUSED(vm); GS_UNUSED(it); return NULL; }
size_t gs_bytearray_sizeof(gs_Object *o) { GS_UNUSED(o); return 56; }
gs_Object *gs_str_encode_method(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_raise(vm, vm->e_TypeError, "gcscope does not support bytes; str.encode() is not available");
    return NULL;
}
void gs_bytes_methods_init(gs_VM *vm) { GS_UNUSED(vm); }
