# format specs: width, alignment (< > ^ =), fill characters, on str and int
print('[{:>5}]'.format('ab'), '[{:<5}]'.format('ab'), '[{:^6}]'.format('ab'), '[{:^5}]'.format('ab'))
print('[{:*^9}]'.format('mid'), '[{:->6}]'.format(42), '[{:_<4}]'.format(7))
print('[{:5}]'.format('s'), '[{:5}]'.format(12), '[{:2}]'.format('long'))
print('[{:=+6}]'.format(42), '[{:0=6}]'.format(-42), '[{:06}]'.format(-42))
print(f'[{"x":>3}] [{"y":<3}] [{"z":^3}]')
width = 8
for name, qty in [('apple', 3), ('kiwi', 12), ('fig', 100)]:
    print(f'{name:<{width}}|{qty:>5}|')
print('{0:>4}{1:>4}{0:>4}'.format('a', 'b'))
print('{name:^10}'.format(name='ctr'))
print(format('x', '>3'), format(5, '03'), repr(format('', '')))
print('{:>{}}'.format('w', 4), '{:{}{}}'.format(1, '>', 3))
print(f'{[1, 2]!s:>10}', f'{"q"!r:>5}')
