import pprint
data = {"name": "gcscope", "tags": ["memory", "refcount", "collector", "generations", "weakref", "finalizer"],
        "nested": {"a": [1, 2, 3, {"deep": list(range(30))}], "b": (1, 2), "c": {3, 1, 2}},
        "long": "lorem ipsum dolor sit amet " * 6, "empty": {}, "t1": (5,)}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, indent=4, width=60)
pprint.pprint(data, depth=2)
pprint.pprint(list(range(40)), compact=True)
pprint.pprint(list(range(40)), width=30, compact=True)
pprint.pp({"z": 1, "a": 2, "m": [3] * 30})
pprint.pprint({"z": 1, "a": 2}, sort_dicts=False)
print(pprint.pformat([[1, 2], [3, 4]] * 10, width=20))
l = [1, 2]
l.append(l)
print(pprint.pformat(l).startswith("[1, 2, <Recursion on list with id="))
print(pprint.saferepr({"b": 1, "a": [2]}), pprint.isreadable([1, 2]), pprint.isrecursive(l))
pprint.pprint(frozenset(range(30)))
pprint.pprint(set(range(30)), width=20)
pprint.pprint("short")
pprint.pprint("a" * 100)
pprint.pprint(["x" * 50, "word " * 30])
pprint.pprint(((1, 2), [3, (4,)], {5: {6: [7] * 25}}), width=30)
try:
    pprint.pprint([1], width=0)
except ValueError as e:
    print(e)
