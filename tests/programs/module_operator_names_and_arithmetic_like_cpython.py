# operator's names, arithmetic functions and getters over common types
from operator import itemgetter, attrgetter, methodcaller
print(sorted(dir(operator)) == sorted(dir(operator)))
print(operator.add(1, 2), operator.mul("a", 3), operator.itemgetter(1)([1,2,3]), operator.itemgetter(0, 2)("abc"))
class P:
    def __init__(self, n, a): self.name, self.age = n, a
    def __repr__(self): return f"P({self.name})"
ps = [P("b", 3), P("a", 5)]
print(sorted(ps, key=attrgetter("name")), max(ps, key=attrgetter("age")), attrgetter("name", "age")(ps[0]))
print(methodcaller("upper")("abc"), methodcaller("split", ",")("a,b"), repr(itemgetter(1)), repr(attrgetter("x.y")), repr(methodcaller("f", 1, k=2)))
print(operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 2), operator.pow(2, 5), operator.neg(3), operator.not_(0), operator.truth([]), operator.is_(None, None), operator.contains([1], 1), operator.getitem({1: 2}, 1), operator.concat([1], [2]), operator.lt(1, 2), operator.eq(1, 1), operator.index(5), operator.abs(-1), operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 3), operator.invert(5), operator.countOf([1,1,2], 1), operator.indexOf([1,2], 2), operator.length_hint([1,2,3]))
l = [1, 2, 3]; operator.setitem(l, 0, 9); operator.delitem(l, 1); print(l, operator.iadd(l, [4]), operator.__add__(1, 1))
print(sorted(n for n in dir(operator) if not n.startswith('_')))
