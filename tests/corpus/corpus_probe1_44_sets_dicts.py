a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [10]), a.intersection([1, 2, 99]), a.difference({1}), a.symmetric_difference([5, 8]))
print({1, 2} <= a, {1, 2} < {1, 2}, a >= {5}, a.isdisjoint({9}), {1}.issubset([1, 2]))
c = set()
c.add(3); c.update([4, 5], "ab"); c.discard(99); c.remove(3)
print(sorted(c, key=str), len(c), c.pop() in {4, 5, "a", "b"})
fs = frozenset([1, 2, 2, 3])
print(fs, {fs: "frozen key"}, fs | {4}, type(fs | {4}).__name__)
try:
    c.remove("zz")
except KeyError as e:
    print("KeyError", e)
print(len(set("mississippi")), sorted(set("mississippi")), {x % 3 for x in range(10)})
print(set(), {}, type({}), set([]) == set(), {1, 1.0, True}, {0, False, 0.0})
a_copy = a.copy(); a_copy &= {1, 2}; a_copy |= {100}; a_copy -= {1}; a_copy ^= {2, 3}
print(a_copy, a)

d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.values()), list(d.items()))
print(d.get("z"), d.get("z", 0), d.pop("b"), d.pop("zz", "default"), d)
d.update(x=9, y=8)
d.update([("q", 1)])
print(d, len(d), "x" in d, 9 in d)
print(dict.fromkeys("abc", 0), dict.fromkeys([1, 2]))
print(d.popitem(), d)
print({k: v for k, v in sorted(d.items(), key=lambda kv: kv[1])})
print(dict(a=1, b=2) == {"b": 2, "a": 1}, {1: "x"} == {1.0: "x"})
keys = d.keys()
d["new"] = 0
print(keys, len(keys), sorted(keys & {"a", "new", "zz"}), sorted(keys - {"a"}))
vals = d.values()
print(sorted(vals), d.items() >= {("a", 1)})
d2 = d.copy()
d2.clear()
print(d2, d)
inverted = {}
for k, v in {"x": 1, "y": 2, "z": 1}.items():
    inverted.setdefault(v, []).append(k)
print(inverted)
nested = {"a": {"b": {"c": 1}}}
print(nested["a"]["b"]["c"], nested.get("a", {}).get("zz", {}).get("c"))
d3 = {"one": 1}
d3 |= {"two": 2}
print(d3, {**d3, "one": 100}, list(reversed(d3)), list(reversed(d3.items())))
for k in list(d3):
    if k == "one":
        del d3[k]
print(d3)
try:
    for k in d3:
        d3["three"] = 3
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    s = {1, 2}
    for x in s:
        s.add(x * 10)
except RuntimeError as e:
    print("RuntimeError:", e)
counts = {}
for ch in "hello world":
    counts[ch] = counts.get(ch, 0) + 1
print(max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print(hash((1, 2)) == hash((1, 2)), hash("a") == hash("a"), {(1, 2): "tuple key"}[(1, 2)])
print(repr({1: {2: [3, {4}]}}), str({"k": "v'"}), {"a": None, None: "b"})
