# invalid format specs raise ValueError with CPython's messages
def fmt(spec, value):
    try:
        return ('{:' + spec + '}').format(value)
    except (ValueError, TypeError) as e:
        return type(e).__name__ + ': ' + str(e)


print(fmt('d', 'text'))
print(fmt('f', 'text'))
print(fmt('.2f', 5))
print(fmt('x', 2.5))
print(fmt(',s', 'a'))
print(fmt('=5', 'a'))
print(fmt('z', 3))
print(fmt('>5', [1]))
try:
    '{} {}'.format(1)
except IndexError as e:
    print('IndexError:', e)
try:
    '{x}'.format(y=1)
except KeyError as e:
    print('KeyError:', e)
print('{:d}'.format(3.0))
