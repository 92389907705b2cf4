# Pattern and Match objects: their methods, attributes and references
import re, sys, gc

p = re.compile(r'(?P<word>[a-z]+)(?P<num>\d+)?')
print(p, p.pattern, p.flags, p.groups, p.groupindex['num'], type(p).__name__, type(p))
m = p.search('  abc123 def')
print(m)
print(m.group(), m.group(0), m.group(1), m.group('num'), m.group(1, 'num', 0), m[0], m['word'])
print(m.groups(), m.groupdict(), m.start(), m.end(), m.span(), m.span('num'), m.start(2))
print(m.pos, m.endpos, m.lastindex, m.lastgroup, m.re is p, m.string, m.regs)
print(bool(m), type(m).__name__, type(m))
m2 = p.search('xyz')
print(m2.groups(), m2.groups('-'), m2.groupdict(0), m2.span(2), m2.start('num'), m2.group(2))
print(p.match('  abc'), p.match('  abc', 2), p.search('abc', 1, 2), p.fullmatch('ab1'), p.fullmatch('ab1', 0, 2))
for bad in [3, 'nope', -1]:
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError:', e)
print(re.compile('abc') is re.compile('abc'), re.compile('abc') == re.compile('abc'), re.compile('a') == re.compile('a', re.I))
print(re.escape('1+1=2? (yes) [a-z] $5.00 ~#&'), re.escape('plain_text_123'))
s = 'key=value'
m = re.match(r'(\w+)=(\w+)', s)
print(sys.getrefcount(m), sys.getrefcount(s) - 1 >= 1, gc.is_tracked(m), gc.is_tracked(p))
print(len(gc.get_referents(m)), m.string is s)
del m
found = [m.group() for m in re.finditer(r'\d', 'a1b2c3')]
print(found, type(re.finditer('a', 'a')).__name__)
it = re.finditer(r'\w', 'ab')
print(next(it).group(), next(it).group(), next(it, 'done'))
print(re.match('x', 'x').expand(r'[\g<0>]'), re.match(r'(?P<n>x)(y)?', 'x').expand(r'\g<n>-\2-'))
print(re.purge(), re.match(r'(a)(b)', 'ab').span(1), re.compile(r'\d').findall('a1b22', 2))
print(repr(re.search(r'x+', 'x' * 80)))
print(re.compile('a' * 250))

def first_word(p: re.Pattern[str], s: str) -> re.Match[str] | None:
    return p.search(s)
print(first_word.__annotations__, first_word(re.compile(r'\w+'), ' hi '))
import copy
print(copy.copy(p) is p, copy.deepcopy(p) is p, copy.deepcopy({'k': [p]})['k'][0] is p)
sc = re.compile(r'\d+|(?P<w>[a-z]+)').scanner('12 ab 3', 1)
print(type(sc).__name__, sc.search(), sc.match(), sc.search())
sc = re.compile('a*').scanner('aab')
print(sc.match(), sc.match(), sc.match(), sc.search())
