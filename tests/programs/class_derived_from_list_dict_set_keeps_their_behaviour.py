# classes derived from list, dict and set: construction with arguments,
# inherited methods, repr and equality, isinstance, attributes, overrides
# that call the built-in method through super()
import sys

class Stack(list):
    def push(self, item):
        self.append(item)
    def peek(self):
        return self[-1]

s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), s.pop(), s, s == [1, 2], type(s).__name__, isinstance(s, list))
print(s + [9], type(s + [9]).__name__, s * 2, list(s), [x * 10 for x in s], 2 in s, s[0], s[-1:])
s.label = "mine"
print(s.label, vars(s), sorted(s, reverse=True))
s += [7]
print(s, type(s).__name__)
print(Stack(), Stack("ab"), bool(Stack()), bool(s))

class DefaultDict(dict):
    def __init__(self, default, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.default = default
    def __missing__(self, key):
        value = self.default()
        self[key] = value
        return value

d = DefaultDict(list, {"a": [1]}, b=[2])
d["c"].append(3)
d["a"].append(4)
print(d, len(d), sorted(d), d.get("zz"), "zz" in d, d == {"a": [1, 4], "b": [2], "c": [3]})
print(isinstance(d, dict), type(d).__mro__)

class LoudDict(dict):
    def __setitem__(self, key, value):
        print("  set", key, "=", value)
        super().__setitem__(key, value.upper())
    def __getitem__(self, key):
        return "<" + super().__getitem__(key) + ">"
    def __delitem__(self, key):
        print("  del", key)
        super().__delitem__(key)

ld = LoudDict()
ld["x"] = "hello"
print(ld["x"], ld, ld.get("x"))
ld.update(y="bypass")
print(ld)
del ld["x"]
print(ld)

class Tags(set):
    def add_all(self, *items):
        for i in items:
            self.add(i)
        return self

t = Tags(["b", "a"])
print(sorted(t.add_all("c", "a")), len(t), "a" in t, type(t | {"z"}).__name__)
print(repr(Tags()), Tags([1]) == {1})

class Frozen(frozenset):
    pass
f = Frozen([3, 1])
print(f, hash(f) == hash(frozenset([1, 3])), f | {2})

# refcounts and the instance part
lst = Stack()
print(sys.getrefcount(lst), sys.getrefcount(Stack) > 2)
item = object()
lst.append(item)
lst.owner = item
print(sys.getrefcount(item))
del lst
print(sys.getrefcount(item))

# errors are list's and dict's
try:
    Stack([1], [2])
except TypeError as e:
    print("TypeError:", e)
try:
    Stack(x=1)
except TypeError as e:
    print("TypeError:", e)
try:
    hash(Stack())
except TypeError as e:
    print("TypeError:", e)
try:
    DefaultDict(list, 1, 2)
except TypeError as e:
    print("TypeError:", e)
