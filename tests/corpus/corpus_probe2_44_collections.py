from collections import Counter, defaultdict, namedtuple, ChainMap, deque

text = """It was the best of times it was the worst of times it was the age of
wisdom it was the age of foolishness"""
words = text.lower().split()
c = Counter(words)
print(c.most_common(4))
print(c["was"], c["missing"], len(c), sum(c.values()))
c2 = Counter("abracadabra")
print(c2, c2.most_common(2), sorted(c2.elements()))
c3 = Counter(a=3, b=1) + Counter(a=1, b=2, c=5)
print(c3, Counter(a=3, b=1) - Counter(a=1, b=2), Counter(a=3) & Counter(a=1, b=1), Counter(a=1) | Counter(a=4))
c3.update("aaz"); c3.subtract({"c": 10})
print(c3, +c3, c3.total())

dd = defaultdict(list)
for w in words:
    dd[w[0]].append(w)
print(sorted((k, len(v)) for k, v in dd.items()))
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(dict(counts))
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
print(t["a"]["b"]["c"], "x" in t, repr(defaultdict(int))[:30])

Point = namedtuple("Point", ["x", "y"])
Person = namedtuple("Person", "name age city", defaults=["Unknown"])
p = Point(3, 4)
print(p, p.x + p.y, p[0], p._asdict(), p._replace(x=10), Point._fields)
bob = Person("Bob", 30)
print(bob, bob.city, Person._field_defaults, Person._make(["Al", 5, "LA"]))
x, y = p
print(x, y, p == (3, 4), isinstance(p, tuple))
class Card(namedtuple("Card", "rank suit")):
    __slots__ = ()
    def __str__(self):
        return f"{self.rank}{self.suit}"
print(str(Card("A", "♠")), repr(Card("10", "♥")))

defaults = {"theme": "light", "lang": "en", "debug": False}
user = {"theme": "dark"}
cli = {"debug": True}
cm = ChainMap(cli, user, defaults)
print(cm["theme"], cm["lang"], cm["debug"], len(cm), sorted(cm.keys()))
cm2 = cm.new_child({"lang": "fr"})
print(cm2["lang"], cm2.parents["lang"], cm.maps[0])
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
print(Counter("aab") == Counter("aba"), Counter({"a": 0}) == Counter())
print(namedtuple("R", "a b", rename=True)._fields, namedtuple("R", ["a", "def", "a"], rename=True)._fields)
print(dd["zzz"], len(dd), Counter(["x", "y", "x"]).most_common()[-1])
