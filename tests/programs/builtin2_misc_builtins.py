# more builtins the lessons use: divmod, pow, round, chr/ord, bool, callable, min/max with key
print(divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(2, 10, 1000), pow(2, -1))
print(chr(65), ord('a'), bool([]), bool([0]), callable(len), callable(3))
print(min('bca'), max([3, 7, 5], key=lambda v: -v), min([], default='none'))
print(max('apple', 'fig', 'banana', key=len), min((2, 'b'), (2, 'a')))
print(list(range(10, 0, -3)), list(enumerate('ab', start=5)))
print(sum([[1], [2]], []), sum(range(5), 10))
print(isinstance(3, (str, int)), isinstance(True, int), type(True) is bool)
print(list(iter([1, 2])), tuple(x for x in 'ab'), dict([('a', 1), ('b', 2)]))
print(abs(-7), abs(-2.5), int('ff', 16), int('0b101', 0), str(12).zfill(5))
print(repr(str(None)), repr(list('hi')), len({1: 2, 3: 4}))
print(all(map(str.isdigit, ['1', '2'])), 'x'.join(map(str, range(3))))
try:
    max([])
except ValueError as e:
    print(e)
