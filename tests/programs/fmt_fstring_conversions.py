# f-strings with {expr}, {expr!r} and {expr!s}
name = 'Ada'
items = [1, 'two']
n = 42
quote = "It's"
print(f'hello {name}')
print(f'repr {name!r}')
print(f'str {name!s}')
print(f'{n} {n!r} {n!s}')
print(f'{items} {items!r}')
print(f'{quote!r} and {quote}')
print(f'{None} {True!r} {False!s}')
print(f'{{literal braces}} {n}')
print(f'{n + 1} {n * 2} {n // 5} {n % 5}')
print(f'{len(items)} items: {items[0]} {items[-1]!r}')
print(f'')
print(f'no fields')
print(f'{name}{name}{name}')
print(f'{ {"k": 1} }')
print(f'{[1, 2]!s}')
