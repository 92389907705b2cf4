import functools, gc, sys
K = functools.cmp_to_key(lambda a, b: (a > b) - (a < b))
print(type(K), K.obj, gc.is_tracked(K))
k = K(3); print(type(k).__name__, k.obj, k < K(4), k == K(3), k >= K(9))
for f in (lambda: k < 3, lambda: K(1, 2), lambda: K(), lambda: functools.cmp_to_key(), lambda: hash(k)):
    try:
        f()
    except TypeError as e:
        print(e)
print(functools.cmp_to_key(mycmp=len) is not None)
def by_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
words = ["pear", "fig", "apple", "kiwi", "date"]
print(sorted(words, key=functools.cmp_to_key(by_len_then_alpha)))
words.sort(key=functools.cmp_to_key(by_len_then_alpha), reverse=True); print(words)
print(max([3, 9, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
print(sys.getrefcount(K), gc.is_tracked(k))
