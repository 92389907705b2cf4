import gc
def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print(f.__name__, "ok", type(r).__name__)
    except Exception as e:
        print(f.__name__, type(e).__name__ + ":", e)
t(gc.get_objects, "x"); t(gc.get_objects, 1.5); t(gc.get_objects, 3); t(gc.get_objects, -1); t(gc.get_objects, None)
t(gc.get_objects, True); t(gc.get_objects, generation="x"); t(gc.get_objects, 1, 2); t(gc.get_objects, gen=1)
t(gc.collect, "x"); t(gc.collect, 1.5); t(gc.collect, 3); t(gc.collect, -1); t(gc.collect, None); t(gc.collect, generation=2)
t(gc.collect, 1, 2); t(gc.collect, gen=1)
t(gc.set_threshold); t(gc.set_threshold, "a"); t(gc.set_threshold, 1.5); t(gc.set_threshold, 1, 2, 3, 4); t(gc.set_threshold, 700, x=1)
t(gc.set_debug); t(gc.set_debug, "a"); t(gc.set_debug, 1.5); t(gc.set_debug, None); t(gc.set_debug, 0)
t(gc.is_tracked); t(gc.is_tracked, 1, 2); t(gc.is_finalized); t(gc.get_count, 1); t(gc.enable, 1); t(gc.disable, 1)
t(gc.isenabled, 1); t(gc.get_threshold, 1); t(gc.get_stats, 1); t(gc.freeze, 1); t(gc.unfreeze, 1); t(gc.get_freeze_count, 1)
t(gc.get_debug, 1); t(gc.get_referrers, x=1); t(gc.get_referents, x=1); t(gc.get_stats, x=1); t(gc.is_tracked, obj=1)
t(gc.collect, generation="x"); t(gc.set_threshold, 2**40); t(gc.set_threshold, -5); t(gc.set_debug, 2**40)
t(gc.get_objects, 2**40); t(gc.collect, 2**40)
