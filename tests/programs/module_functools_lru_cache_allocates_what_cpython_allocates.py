import functools, gc
def m(label, f):
    gc.collect()
    c0 = gc.get_count()[0]
    r = f()
    print(label, gc.get_count()[0] - c0)
    return r
def f1(x): return x
def f2(x): return x
def f3(x): return x
def f4(x): return x
m("nothing", lambda: None)
dec = m("maker", lambda: functools.lru_cache(maxsize=3))
w1 = m("decorate", lambda: dec(f1))
w2 = m("bare", lambda: functools.lru_cache(f2))
w3 = m("cache", lambda: functools.cache(f3))
m("call_miss_int", lambda: w1(5))
m("call_hit_int", lambda: w1(5))
m("call_miss_str", lambda: w1("a"))
m("call_miss_tuple", lambda: w1((1,)))
m("call_miss_2args", lambda: w2(1) and w2(2))
m("partial", lambda: functools.partial(f4, 1))
p = functools.partial(f4, 1)
m("partial_call", lambda: p())
print(sorted(vars(w1)))
