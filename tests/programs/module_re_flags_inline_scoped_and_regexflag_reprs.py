# Flags: IGNORECASE, MULTILINE, DOTALL, VERBOSE, ASCII, inline and scoped
import re

print(re.I, re.M, re.S, re.X, re.A, re.U, re.I | re.M, re.IGNORECASE == re.I)
text = 'First line\nsecond LINE\nthird line'
print(re.findall(r'^\w+', text), re.findall(r'^\w+', text, re.M))
print(re.findall(r'line$', text), re.findall(r'line$', text, re.M | re.I))
print(re.search(r'line.second', text), re.search(r'line.second', text, re.S | re.I))
print(re.findall(r'(?i)line', text), re.findall(r'(?i:l)ine', 'Line LINE line'))
print(re.findall(r'(?im)^s\w+', text))
pat = re.compile(r"""
    (?P<key>\w+)     # the key
    \s*=\s*          # equals, with optional spaces
    (?P<value>.*)    # the rest
""", re.X)
print(pat.match('colour = blue').groupdict())
print(re.compile('a'), re.compile('a', re.I), re.compile('a', re.I | re.S | re.M), re.compile('a', re.A))
print(re.compile('a', re.U), re.compile('(?i)a'), re.compile('(?s)a').flags, re.compile('(?x)a', re.A).flags)
print(re.compile('a').flags, re.compile('a', re.I).flags, re.compile('a', re.X | re.M).flags)
print(re.findall(r'\w+', 'café naïve'), re.findall(r'\w+', 'café naïve', re.A), re.findall(r'(?a:\w+)é', 'caféé'))
print(re.match(r'[a-z]+', 'ÉCOLE', re.I), re.match(r'(?i)é', 'É'), re.match(r'(?ia)é', 'É'))
print(re.findall(r'(?-i:a)b', 'ab AB aB Ab', re.I))
print(re.match('.', '\n'), re.match('.', '\n', re.DOTALL), re.match('(?s:.)', '\n'))
print(re.search(r'\d+', 'x١٢3'), re.search(r'\d+', 'x١٢3', re.ASCII))
print(re.compile('x', re.NOFLAG), re.compile(r'\s+', flags=re.MULTILINE).flags)
