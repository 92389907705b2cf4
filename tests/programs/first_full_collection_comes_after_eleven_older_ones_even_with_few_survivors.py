# CPython starts a script with its own objects in generation 1 and none in
# generation 2: the first full collection needs only generation 2's count
# past its threshold, however few objects survived.  (A lower threshold 0
# makes it come sooner; the rule is the same.)
import gc

gc.set_threshold(100, 10, 10)


class N:
    pass


for i in range(8000):
    a = N()
    b = N()
    a.o = b
    b.o = a
    if i % 500 == 0:
        s = gc.get_stats()
        print(i, "full:", s[2]["collections"], "older:", s[1]["collections"])
