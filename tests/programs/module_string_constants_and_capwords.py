# string's constants and capwords, as CPython's string module has them
import string
from string import ascii_letters, digits, capwords

print(repr(string.whitespace), string.ascii_lowercase, string.ascii_uppercase)
print(ascii_letters, digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.printable), len(string.printable))
print(capwords("hello   world  of python"), capwords(" the QUICK brown fox "), capwords(""))
print(capwords("a-b-c d", "-"), capwords("x,,y", ","), capwords("one two", sep=None))
print([c for c in "Hi, there! 42" if c in string.punctuation], sum(c in string.digits for c in "a1b2c3"))
caesar = str.maketrans(string.ascii_lowercase, string.ascii_lowercase[3:] + string.ascii_lowercase[:3]) if hasattr(str, "maketrans") else None
print(string.__name__, sorted(n for n in string.__all__ if n not in ("Formatter", "Template")))
try:
    capwords(5)
except AttributeError as e:
    print("AttributeError:", e)
try:
    capwords()
except TypeError as e:
    print("TypeError:", e)
