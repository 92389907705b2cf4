# sys.getsizeof(str): 49 + len for ASCII; 72 + (len + 1) * 1, 2 or 4 by the widest character
import sys

size = sys.getsizeof
print("ascii:", size(''), size('a'), size('ab'), size('x' * 100))
print("latin-1:", size('\xe9'), size('caf\xe9'), size('\xe9' * 10), size('\xff'))
print("ucs-2:", size('\u20ac'), size('\u0100'), size('a\u20ac'), size('\u20ac' * 10), size('\uffff'))
print("ucs-4:", size('\U0001F600'), size('a\U0001F600'), size('\U0001F600' * 10), size('\U00010000'))
print("concatenation:", size('a' + '\xe9'), size('a' + '\u20ac'), size('a' + '\U0001F600'))
s = 'a'
grown = []
for i in range(10):
    s += 'x'
    grown.append(size(s))
print("s += 'x':", grown)
t = '\u20ac'
grown = []
for i in range(5):
    t += 'y'
    grown.append(size(t))
print("wide += 'y':", grown)
print("methods:", size('abc'.upper()), size('ABC\xe9'.lower()), size(' x '.strip()), size('-'.join(['a', 'b', 'c'])),
      size('a\u20acb'.replace('\u20ac', 'e')), size('a,b'.split(',')[0]))
n = 12345
print("conversions:", size(str(n)), size(repr('q')), size(f'{n}{n}'), size(str(3.5)), size(chr(233)), size(chr(8364)))
print("slices:", size('hello world'[2:7]), size('h\xe9llo'[2:]), size('\u20acabc'[1:]), size('\U0001F600ab'[1:]))
