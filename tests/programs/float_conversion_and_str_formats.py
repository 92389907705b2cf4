# str(), repr(), int() and float() round trips; floats in containers and f-strings
values = [0.5, 1e-3, 12345.678, 1e100, -2.0, 3e-10]
for v in values:
    print(repr(v), str(v), float(repr(v)) == v)
print(values)
print({'pi': 3.14, 'e': 2.72}, (1.0, 2.0))
print(f'{3.14159:.3f} {2.5:g} {1e-5:g} {1234567.0:e}')
print('{:.1f} {:.0f} {:.0f} {:.0f}'.format(0.25, 0.5, 1.5, 2.5))
print(int('42') + float('0.5'), str(1.0) + 'x')
print(float('1_000.5'), float('.5'), float('5.'), float('-inf') < -1e308)
print(hex(255), int(2.5e3), int(-0.9))
print(f'{1/3}', f'{2/3!s}', f'{100.0}')
print(sorted([2.5, -1.0, 0.0, 1e-5, 10.0]))
