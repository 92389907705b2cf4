# argument errors of the gc functions, as CPython reports them
import gc
import weakref

def attempt(label, f):
    try:
        f()
        print(label, 'ok')
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__, e)

attempt('get_objects(3)', lambda: gc.get_objects(3))
attempt('get_objects(-1) means all', lambda: gc.get_objects(-1))
attempt('get_objects(-2)', lambda: gc.get_objects(-2))
attempt('get_objects(1, 2)', lambda: gc.get_objects(1, 2))
attempt('collect(-1)', lambda: gc.collect(-1))
attempt('collect(1, 2)', lambda: gc.collect(1, 2))
attempt('collect(x=1)', lambda: gc.collect(x=1))
attempt('collect("a")', lambda: gc.collect('a'))
attempt('is_tracked()', lambda: gc.is_tracked())
attempt('enable(1)', lambda: gc.enable(1))
attempt('enable(x=1)', lambda: gc.enable(x=1))
attempt('set_debug()', lambda: gc.set_debug())
attempt('set_debug("a")', lambda: gc.set_debug('a'))
attempt('get_count(1)', lambda: gc.get_count(1))
attempt('set_threshold()', lambda: gc.set_threshold())
attempt('set_threshold(1, 2, 3, 4)', lambda: gc.set_threshold(1, 2, 3, 4))
attempt('set_threshold("a")', lambda: gc.set_threshold('a'))
attempt('get_referents(x=1)', lambda: gc.get_referents(x=1))
attempt('freeze(1)', lambda: gc.freeze(1))
attempt('weakref.ref([])', lambda: weakref.ref([]))
attempt('weakref.ref()', lambda: weakref.ref())
attempt('weakref.ref(1, 2, 3)', lambda: weakref.ref(1, 2, 3))
print(gc.garbage, gc.get_threshold())
