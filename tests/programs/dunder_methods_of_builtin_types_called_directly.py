tests = [
 "[1,2].__iter__().__next__()", "(1,2).__iter__()", "'ab'.__iter__()", "{1:2}.__iter__()", "{1}.__iter__()",
 "range(3).__iter__()", "iter([1]).__next__()", "iter(range(3)).__next__()", "reversed([1]).__next__()",
 "{1:2}.keys().__iter__()", "{1:2}.items().__iter__()", "enumerate('a').__next__()", "zip('a','b').__next__()",
 "map(str,[1]).__next__()", "(x for x in [1]).__next__()", "[1].__len__()", "range(3).__len__()", "range(3).__contains__(1)",
 "[1].__contains__(1)", "[1].__getitem__(0)", "{1:2}.__getitem__(1)", "'abc'.__len__()", "(1).__add__(2)", "(1).__mul__(3)",
 "(1.5).__add__(1)", "'a'.__add__('b')", "'%s'.__mod__(1)", "[1].__add__([2])", "[1].__mul__(2)", "[1].__imul__(2)",
 "[1].__iadd__([2])", "{1}.__or__({2})", "{1}.__iand__({1})", "{1}.__ior__({2})", "(3).__eq__(3)",
 "'a'.__eq__('a')", "(1).__lt__(2)", "[1].__eq__([1])", "(1).__hash__()", "'a'.__hash__() == hash('a')", "(5).__str__()",
 "[1].__repr__()", "(2).__pow__(3)", "(7).__floordiv__(2)", "(7).__mod__(2)", "(7).__neg__()", "(7).__abs__()", "(7).__bool__()",
 "(7).__int__()", "(7).__float__()", "(7.5).__int__()", "(7).__index__()", "[3,1].__reversed__()", "{1:2}.__len__()",
 "{1:2}.__contains__(1)", "{1:2}.__setitem__(3,4)", "[1].__setitem__(0,5)", "[1,2].__delitem__(0)", "(1).__radd__(2)",
 "'a'.__contains__('a')", "'a'.__mul__(3)", "object().__str__()[:8]", "(1).__format__('x')", "(10).__format__('>4')",
 "(1.5).__format__('.2f')", "'s'.__format__('>3')", "(1).__sizeof__()", "[].__sizeof__()", "(1).__getattribute__('real')",
 "(1).__ne__(2)", "(1).__ge__(1)", "(3).__divmod__(2)", "(3).__truediv__(2)", "(1).__and__(3)", "(1).__lshift__(2)",
 "(1).__invert__()", "(1).__round__()", "(1.25).__round__(1)", "(2).__rpow__(3)", "(1.5).__trunc__()", "(1.5).__floor__()", "(1.5).__ceil__()",
 "frozenset([1]).__hash__() == hash(frozenset([1]))", "(1,).__hash__() == hash((1,))", "[1].__class__",
]
for t in tests:
    try:
        r = eval(t)
        print(t, "->", r if "object at" not in repr(r) else type(r).__name__)
    except Exception as e:
        print(t, "-> ERR", type(e).__name__, e)
# the iterator protocol by hand, as an iterator lesson shows it
it = range(3).__iter__()
while True:
    try:
        print("next:", it.__next__())
    except StopIteration:
        print("done")
        break
keys = {"a": 1, "b": 2}.keys().__iter__()
print(keys.__next__(), next(keys), list(reversed(range(4))), range(10).__reversed__().__next__())
class Temperature(float):
    pass
t = Temperature(21.456)
print(format(t, ".1f"), t.__format__(".2f"), round(t, 1), t.__floor__(), t.__round__())
