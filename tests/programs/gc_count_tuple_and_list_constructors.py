# list() and dict() allocate with PyType_GenericAlloc (never the free list);
# tuple() of an iterable makes a tuple of the hinted length and resizes it.
import gc
L = [3, 1, 2]
D = {'a': 1, 'b': 2}
def gen():
    yield 1
    yield 2
R = []
for label, make in (("list()", lambda: list(L)), ("dict()", lambda: dict(D)), ("dict(kw)", lambda: dict(a=1)),
                    ("tuple(dict)", lambda: tuple(D)), ("tuple(gen)", lambda: tuple(gen())),
                    ("tuple(range)", lambda: tuple(range(25))), ("tuple(empty gen)", lambda: tuple(x for x in ())),
                    ("tuple(map)", lambda: tuple(map(abs, L)))):
    make(); make()
    gc.collect()
    keep = [make() for _ in range(3)]
    R.append((label, gc.get_count()[0]))
    del keep
print(R)
