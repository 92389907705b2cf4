# A literal that looks like an identifier is interned by CPython, but it is
# still the program's own object with an ordinary count; formatting that
# writes one whole str and nothing else returns that very str.
import sys

s = 'hello'
print('identifier literal:', sys.getrefcount(s))
t = 'hello'
print('written twice is one object:', s is t, sys.getrefcount(s))

def f():
    return 'hello'
print('and a function\'s literal is the same one:', f() is s)

name = 'grace_hopper'
people = [name, name]
print('in a list twice:', sys.getrefcount(name))
del people
print('list gone:', sys.getrefcount(name))

print('%s alone:', ('%s' % s) is s, ('%s' % (s,)) is s, ('%(k)s' % {'k': s}) is s)
print('%s with more:', ('x%s' % s) is s, ('%s%%' % s) is s, ('%10s' % s) is s, ('%.2s' % s) is s)
print('{} alone:', '{}'.format(s) is s, '{0}'.format(s) is s, '{!s}'.format(s) is s)
print('{} with more:', '{}!'.format(s) is s, '{:>9}'.format(s) is s)
plain = 'no fields here'
print('a format without fields:', plain.format() is plain, ('{{x}}'.format() == '{x}'))
print(sys.getrefcount(s))
