# A small tokenizer built from one pattern of named alternatives
import re

TOKEN_SPEC = [
    ('NUMBER', r'\d+(\.\d*)?'),
    ('ID', r'[A-Za-z_]\w*'),
    ('OP', r'[+\-*/=()]'),
    ('NEWLINE', r'\n'),
    ('SKIP', r'[ \t]+'),
    ('MISMATCH', r'.'),
]
TOK = re.compile('|'.join(f'(?P<{name}>{pat})' for name, pat in TOKEN_SPEC))
print(TOK.groups, sorted(TOK.groupindex.items()))

def tokenize(code):
    line = 1
    start = 0
    for m in TOK.finditer(code):
        kind = m.lastgroup
        value = m.group()
        col = m.start() - start
        if kind == 'NUMBER':
            value = float(value) if '.' in value else int(value)
        elif kind == 'NEWLINE':
            start = m.end()
            line += 1
            continue
        elif kind == 'SKIP':
            continue
        elif kind == 'MISMATCH':
            print(f'unexpected {value!r} on line {line}')
            continue
        yield kind, value, line, col, m.lastindex

for tok in tokenize('x = 3.5 * (y + 42)\nz = x / 2 $ 1\n'):
    print(tok)

print(re.findall(r'\d+|[a-z]+|\S', 'abc123 + x9'))
scanner = re.compile(r'\s*(?:(\d+)|(\w+)|(.))')
print([m.groups() for m in scanner.finditer('12 ab +')])
print([(m.lastindex, m.lastgroup) for m in re.finditer(r'(a)|(?P<bee>b)|(c)', 'abc')])
