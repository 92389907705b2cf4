# re.error: the messages and positions CPython gives for common mistakes
import re

patterns = ['(abc', 'abc)', '*abc', 'a**', 'x{2}{3}', '[a-z', r'\q', r'(a)\2', '(?<=a+)b', '(?<=a|bc)d',
            '(?P=x)', '(?P<n>a)(?P<n>b)', '(?P<1x>a)', '[z-a]', 'a(?i)b', '(?Q)', '(?P<x', '(?#never closed',
            'ab\\', '{2}', '+', 'a|?', 'one\ntwo(', r'[\w-z]', r'\x4', '(?(2)a|b)', r'(?<!\d+)x', '(?i', '(?-a:b)',
            r'\u00', 'a{5,3}', '(?(a)b)']
for p in patterns:
    try:
        re.compile(p)
        print(repr(p), 'compiled')
    except re.error as e:
        print(f'{p!r:22} {e}')
        print(f'{"":22} msg={e.msg!r} pos={e.pos} line={e.lineno} col={e.colno} pattern={e.pattern!r}')

for tpl in [r'\1', r'\g<2>', r'\g<name>', r'\g<bad name>', r'\g<1', r'\gx', r'\d', 'ok\\']:
    try:
        print(repr(tpl), re.sub(r'(a)', tpl, 'cab'))
    except re.error as e:
        print(repr(tpl), 're.error:', e)
    except IndexError as e:
        print(repr(tpl), 'IndexError:', e)

for args in [('a', None), ('a', 42), (None, 'a'), (123, 'a')]:
    try:
        re.search(*args)
    except TypeError as e:
        print('TypeError:', e)
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print('ValueError:', e)
try:
    re.sub('a', lambda m: 42, 'banana')
except TypeError as e:
    print('TypeError:', e)
print(isinstance(re.error('x'), Exception), re.error.__name__, re.error.__module__)
e = re.error('custom')
print(e, e.args, e.msg, e.pattern, e.pos, e.lineno)
e = re.error('bad thing', 'line one\nline two', 12)
print(e, '|', e.msg, e.pos, e.lineno, e.colno)
class MyError(re.error):
    pass
try:
    raise MyError('mine', 'abc', 1)
except re.error as err:
    print(type(err).__name__, err, err.colno)
try:
    re.compile('(')
except Exception as e:
    print(type(e).__name__, type(e))
re.compile('[unclosed')
