# sys.getsizeof of what the standard modules make: C types' basic sizes,
# and the index arrays product, permutations and combinations keep.
import sys, itertools as it, functools, io, re, types, fractions

def show(what, o):
    print(f"{what:<40} {type(o).__name__:<30} {sys.getsizeof(o)}")

show("count()", it.count())
show("cycle('ab')", it.cycle('ab'))
show("repeat(1, 3)", it.repeat(1, 3))
show("chain([1], [2])", it.chain([1], [2]))
show("chain.from_iterable([[1]])", it.chain.from_iterable([[1]]))
show("islice(range(9), 2)", it.islice(range(9), 2))
show("zip_longest('ab', 'c')", it.zip_longest('ab', 'c'))
for args in ((), ('ab',), ('ab', 'cd'), ('ab', 'cd', 'ef')):
    show(f"product{args}", it.product(*args))
show("product('ab', repeat=3)", it.product('ab', repeat=3))
for pool, r in (('abc', None), ('abcd', 2), ('', None), ('abcdef', 6)):
    show(f"permutations({pool!r}, {r})", it.permutations(pool, r))
for r in range(4):
    show(f"combinations('abcd', {r})", it.combinations('abcd', r))
    show(f"combinations_with_replacement('ab', {r})", it.combinations_with_replacement('ab', r))
show("accumulate([1, 2])", it.accumulate([1, 2]))
g = it.groupby('aab')
show("groupby('aab')", g)
key, grp = next(g)
show("a group", grp)
for name in ('takewhile', 'dropwhile', 'filterfalse', 'starmap'):
    show(name, getattr(it, name)(bool, []))
show("compress('ab', [1, 0])", it.compress('ab', [1, 0]))
show("pairwise('abc')", it.pairwise('abc'))
a, b = it.tee([1, 2, 3])
show("tee", a)
import gc
show("what a tee reads into", gc.get_referents(a)[0])
p = it.product('ab', 'cd')
before = sys.getsizeof(p)
next(p)
print("product's size after next():", sys.getsizeof(p) - before, "more")

def f(x, y=1):
    return x + y
show("partial(f, 1)", functools.partial(f, 1))
show("partial(f, 1, y=2)", functools.partial(f, 1, y=2))
show("lru_cache(f)", functools.lru_cache(f))
show("cache(f)", functools.cache(f))
show("lru_cache(maxsize=3)", functools.lru_cache(maxsize=3))
show("cmp_to_key(f)", functools.cmp_to_key(f))
show("cmp_to_key(f)(3)", functools.cmp_to_key(f)(3))
show("singledispatch(f)", functools.singledispatch(f))

s = io.StringIO()
show("StringIO()", s)
s.write("x" * 1000)
show("StringIO after 1000 characters", s)

for pattern, text in (('a', 'abc'), ('(a)(b)', 'abc'), ('(a)(b)(c)(d)?', 'abc')):
    show(f"re.match({pattern!r}, {text!r})", re.match(pattern, text))
show("re.finditer('a', 'aa')", re.finditer('a', 'aa'))
show("iter(int, 1)", iter(int, 1))

show("SimpleNamespace()", types.SimpleNamespace())
show("SimpleNamespace(a=1, b=2)", types.SimpleNamespace(a=1, b=2))
class NS(types.SimpleNamespace):
    pass
show("a SimpleNamespace subclass's", NS())
show("Fraction(1, 3)", fractions.Fraction(1, 3))
class Frac(fractions.Fraction):
    pass
show("a Fraction subclass's", Frac(1, 3))
