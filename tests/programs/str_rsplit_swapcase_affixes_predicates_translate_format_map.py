print('a,b,,c'.rsplit(','), ' a  b c '.rsplit(), ' a  b c '.rsplit(None, 1), 'a-b-c'.rsplit('-', 0), 'aaa'.rsplit('aa'))
print('k=v=w'.rsplit('=', 1), 'x'.rsplit('x'), ''.rsplit(), ''.rsplit(','), 'a b'.rsplit(maxsplit=0), 'path/to/file.py'.rsplit('/', maxsplit=1))
try:
    'x'.rsplit('')
except ValueError as e:
    print(e)
print('Hello World ß'.swapcase(), 'ÀbC'.swapcase())
s = 'abc'
print(s.removeprefix('') is s, s.removeprefix('x') is s, 'abc'.removesuffix('bc'), 'test_x'.removeprefix('test_'))
print('ßÀ'.casefold(), 'ABC'.casefold())
print('12'.isdecimal(), '²'.isdecimal(), '²'.isdigit(), '½'.isnumeric(), '½'.isdigit(), ''.isdecimal(), '٣'.isdecimal())
print('é'.isascii(), ''.isascii(), 'class'.isidentifier(), '1a'.isidentifier(), ''.isidentifier(), 'é_x'.isidentifier())
print('ab\x7f'.isprintable(), ''.isprintable(), 'a b'.isprintable(), 'é'.isprintable(), '\xa0'.isprintable())
print(repr('a\tbc\td\n\tx'.expandtabs()), repr('ab\tc'.expandtabs(0)), repr('a\tb'.expandtabs(tabsize=3)))
print('Hello World'.istitle(), 'Hello world'.istitle(), '1A'.istitle(), ''.istitle(), 'A1 B'.istitle())
t = str.maketrans('abc', 'xyz', 'd')
print(sorted(t.items()), 'abcd'.translate(t))
print(str.maketrans({'a': 'A', 98: None}), 'abc'.translate({97: 'AA', 98: None}), 'abc'.translate({}))
for bad in (lambda: str.maketrans('ab', 'c'), lambda: str.maketrans({'ab': 1})):
    try:
        bad()
    except ValueError as e:
        print(e)
print('{a}-{b[0]}'.format_map({'a': 1, 'b': [2]}))
class M(dict):
    def __missing__(s, k):
        return '?' + k
print('{x} {y}'.format_map(M(x=1)))
try:
    '{0}'.format_map({})
except ValueError as e:
    print(e)
try:
    '{z}'.format_map({})
except KeyError as e:
    print('KeyError', e)
print("hello world".title().swapcase(), "Straße".upper(), "caesar".translate(str.maketrans("abcdefghijklmnopqrstuvwxyz", "defghijklmnopqrstuvwxyzabc")))
print(' a b '.split(None, 1), ' a b  '.split(maxsplit=1), ' a '.split(None, 0), '  x  y  '.rsplit(maxsplit=1))
print('٣'.isdigit(), '12a'.isdigit(), '⑤'.isdigit(), 'Ⅻ'.isnumeric(), '七'.isnumeric())
