# the 'z' option (3.11) prints a float that rounds to -0 without its sign;
# ints and strings refuse it
def fmt(spec, value):
    try:
        return repr(format(value, spec))
    except (ValueError, TypeError) as e:
        return type(e).__name__ + ': ' + str(e)


for spec, v in [('z.1f', -0.04), ('z', -0.0), ('z.2e', -0.0), ('z.1%', -0.0001), ('+z.1f', -0.01),
                ('z05.1f', -0.01), ('z.0f', -0.5), ('zf', -0.0001), ('z.3g', -0.0001), ('z,.0f', -0.3)]:
    print(spec, fmt(spec, v))
for spec, v in [('z', 3), ('zx', 3), ('z', True), ('z', 'a'), ('zs', 'a'), (' ', 'a'), ('#', 'a'), ('z', [1])]:
    print(spec, fmt(spec, v))
print(fmt('>5', True), fmt('^7', False), fmt('', True), f'{True:3}|{-0.0:z.1f}|{1.5:z=+8.2f}')
