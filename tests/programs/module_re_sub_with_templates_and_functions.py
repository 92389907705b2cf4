# re.sub with templates and with functions
import re

print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world, good morning'))
print(re.sub(r'(?P<first>\w+)@(?P<host>\w+)', r'\g<host>:\g<first>', 'me@home you@work'))
print(re.sub(r'(\d+)', r'<\g<1>0>', 'a1 b22'))
print(re.sub(r'a', r'\n', 'banana').split('\n'))
print(re.sub(r'\.', r'\\.', 'a.b.c'))
print(re.sub('-', r'\t', 'x-y'), re.sub('x', '\\\\', 'axb'))
print(re.sub(r'(a)|b', r'[\1]', 'ab'))

def to_upper(m):
    return m.group(0).upper()

print(re.sub(r'\b[a-z]', to_upper, 'the quick brown fox'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) ** 2), 'sizes: 3, 4, 12'))

prices = {'apple': 1.25, 'pear': 0.5}
print(re.sub(r'\{(\w+)\}', lambda m: f'{prices.get(m[1], 0):.2f}', 'apple={apple} pear={pear} kiwi={kiwi}'))

calls = []
def record(m):
    calls.append((m.start(), m.group()))
    return '#'
print(re.sub(r'o', record, 'foo boo'), calls)

print(re.sub('a', 'b', 'aaaa', count=2), re.subn('a', 'b', 'aaaa'), re.subn(r'\s+', ' ', 'a   b \t c'))
print(re.sub(r'(?i)CAT', 'dog', 'Cat cat CAT'))
print(re.compile(r'\s+').sub('_', '  a b  '))
print(re.compile('o').subn(lambda m: m.group() * 2, 'foo', 1))

def snake(name):
    s = re.sub(r'(.)([A-Z][a-z]+)', r'\1_\2', name)
    return re.sub(r'([a-z0-9])([A-Z])', r'\1_\2', s).lower()

for n in ['CamelCase', 'getHTTPResponseCode', 'already_snake', 'HTTPServer2Go']:
    print(n, '->', snake(n))
print(re.sub(r'(?m)^', '> ', 'line one\nline two'))
print(re.sub(r'\s+$', '', 'trailing   \n'), '|')
print(re.sub('x', lambda m: None if m.start() % 2 else 'X', 'xxxx'))
