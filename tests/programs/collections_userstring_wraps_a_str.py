# collections.UserString: a class that keeps a str in .data and answers
# str's methods, giving back UserStrings (of the caller's class) where str
# gives back strs.
from collections import UserString, UserList, UserDict
import sys


class Shout(UserString):
    def __str__(self):
        return self.data.upper() + "!"


s = UserString("Hello, World")
print(s, repr(s), type(s).__name__, s.data, len(s), str(s), type(str(s)).__name__)
print(UserString(42).data, UserString(s).data, UserString(["a"]).data, UserString(s).data is s.data)
t = s.lower()
print(t, type(t).__name__, s.upper(), s.swapcase(), s.title(), s.capitalize(), s.casefold())
print(s[0], type(s[0]).__name__, s[-5:], s[::2], type(s[1:3]).__name__)
print(s + "!", "<" + s, s + UserString("?"), type("x" + s).__name__, s * 2, 2 * s, s + 5, 5 + s if False else "")
print(s == "Hello, World", s == UserString("Hello, World"), s != "x", s < "Z", s <= s, s > "A", s >= UserString("Z"))
print("World" in s, UserString("ell") in s, "z" in s)
print(s.count("l"), s.count(UserString("l")), s.count("l", 5), s.find("o"), s.rfind("o"), s.find(UserString("W")),
      s.index("W"), s.rindex("l"), s.find("o", 5, 9))
print(s.startswith("Hell"), s.endswith(("x", "ld")), s.startswith("W", 7), s.isalpha(), UserString("ab").isalpha(),
      UserString("12").isdigit(), UserString("12").isdecimal(), UserString("12").isnumeric(), UserString(" ").isspace())
print(UserString("ab1").isalnum(), s.isascii(), UserString("a_1").isidentifier(), s.islower(), s.isupper(),
      s.istitle(), s.isprintable())
print(repr(s.center(20, "*")), repr(s.ljust(15)), repr(s.rjust(15, ".")), repr(s.zfill(14)),
      repr(UserString("a\tb").expandtabs(4)))
print(repr(UserString("  x  ").strip()), repr(UserString("xxyxx").strip("x")), repr(UserString("  x").lstrip()),
      repr(UserString("x  ").rstrip()), repr(UserString("xay").lstrip("x")), repr(UserString("xay").rstrip("y")))
print(s.split(), s.split(", "), s.rsplit("o", 1), UserString("a\nb\n").splitlines(),
      UserString("a\nb\n").splitlines(True), s.partition(", "), s.rpartition("o"))
print(s.replace("l", "L"), s.replace(UserString("o"), UserString("0"), 1), s.removeprefix("Hello"),
      s.removesuffix(UserString("World")), type(s.replace("l", "L")).__name__)
print(UserString("-").join(["a", "b", "c"]), type(UserString("-").join("xy")).__name__)
print(UserString("{0}-{x}").format(1, x=2), UserString("{a}").format_map({"a": 3}), UserString("%d%%") % 5,
      type(UserString("%s") % "x").__name__, "%s|%s" % (s, 1))
print(s.encode(), s.encode("ascii"), s.encode(None, None), UserString("é").encode("utf-8"))
table = UserString.maketrans("lo", "01")
print(table, s.translate(table), s.maketrans({"a": "b"}))
print(int(UserString("12")), float(UserString("1.5")), complex(UserString("1+2j")), hash(s) == hash("Hello, World"))
print(list(UserString("abc")), [type(c).__name__ for c in UserString("ab")], list(reversed(UserString("abc"))))
print(sorted([UserString("b"), UserString("a")]), max(UserString("xyz")), s.__getnewargs__())
print(sys.getsizeof(s) == sys.getsizeof(object.__new__(UserString)), len(vars(s)), list(vars(s)))

sh = Shout("hey")
print(sh, repr(sh), sh.upper(), type(sh.upper()).__name__, type(sh[0]).__name__, type(sh + "x").__name__)
print(str(sh + "x"), sh.data)

data = "shared text"
print(sys.getrefcount(data))
u = UserString(data)
print(sys.getrefcount(data), u.data is data)
del u
print(sys.getrefcount(data))

# UserList and UserDict are there too
ul = UserList([3, 1, 2])
ul.sort()
ud = UserDict(a=1)
ud["b"] = 2
print(ul, ul.data, type(ul[0:2]).__name__, ud, ud.data, dict(ud))

# wrong arguments, with CPython's messages
bad = [
    lambda: UserString(),
    lambda: UserString("a", "b"),
    lambda: s.center(),
    lambda: s.count(),
    lambda: s.find("a", 1, 2, 3),
    lambda: s.zfill("3"),
    lambda: s.split(sep=",", maxsplit=1, x=2),
    lambda: s.removeprefix(prefix="H"),
    lambda: s.join(5),
    lambda: s + None if False else s.replace("a"),
    lambda: s.index("zz"),
    lambda: s[100],
    lambda: int(s),
    lambda: s.lower(1),
    lambda: s.encode("nope"),
    lambda: s.startswith(5),
    lambda: s * "x",
    lambda: s % (1, 2),
]
for f in bad:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
