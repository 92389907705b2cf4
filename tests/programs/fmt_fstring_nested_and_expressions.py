# f-strings with nested replacement fields in specs, expressions and conversions
items = {'apple': 1.25, 'banana': 0.5, 'cherry': 10.0}
w = max(len(k) for k in items)
for k, v in items.items():
    print(f'{k:<{w}} {v:>{w - 1}.{2}f}')
prec = 3
print(f'{1 / 3:.{prec}f}', f'{"hi":{"*"}^{6}}')
print(f'{len(items)} items, total {sum(items.values()):.2f}')
print(f'{3 > 2} {None} {[1, 2][::-1]} {(lambda x: x * 2)(4)}')
print(f'{{literal}} {{{1 + 1}}}')
name = 'ok'
print(f'{name!r:>6}|{name!s:<4}|{name=}|{1 + 1=}')
print(f'{"a" if prec else "b"} {prec if prec > 5 else -prec}')
val = 12.5
print(f'{val:+08.2f} {val:.0%} {int(val):#06x}')
print('{:{fill}{align}{width}}'.format('z', fill='.', align='>', width=5))
