# Lookahead, lookbehind, backreferences and conditionals
import re

def commas(n):
    return re.sub(r'(?<=\d)(?=(\d{3})+$)', ',', str(n))

for n in [7, 1234, 1234567, 1000000000]:
    print(n, commas(n))
print(re.findall(r'\w+(?=!)', 'wow! great! ok'))
print(re.findall(r'\b(?!un)\w+', 'undo redo unto do'))
print(re.findall(r'(?<=\$)\d+', 'cost $30, tax $4, 5 items'))
print(re.findall(r'(?<!\$)\b\d+', 'cost $30, tax $4, 5 items'))
print(re.search(r'(?<=-)\w+', 'spam-egg').group(0))
print(re.sub(r'(?<=a)b', 'X', 'ab cb abb'))
print(re.search(r'(\w)\1', 'abccde').group(), re.findall(r'(\w)\1', 'aabbcd ee'))
print(re.search(r'\b(\w+)\s+\1\b', 'this is is a test').group(1))
print(re.sub(r'\b(\w+)( \1\b)+', r'\1', 'the the the cat sat sat'))
print(re.match(r'(?P<q>["\']).*?(?P=q)', '"quoted" rest').group())
print(re.match(r'(?i)(a)\1', 'aA'))
print(re.match(r'(<)?(\w+@\w+(?:\.\w+)+)(?(1)>|$)', '<user@host.com>').groups())
print(re.match(r'(<)?(\w+@\w+(?:\.\w+)+)(?(1)>|$)', 'user@host.com').groups())
print(re.match(r'(<)?(\w+@\w+(?:\.\w+)+)(?(1)>|$)', '<user@host.com'))
print(re.fullmatch(r'(?=.*\d)(?=.*[a-z])\w{6,}', 'abc123'), re.fullmatch(r'(?=.*\d)(?=.*[a-z])\w{6,}', 'abcdef'))
print(re.search(r'(?<=ab|xy)c', 'xyc'), re.search(r'(?<!a)b', 'abcb').span())
print(re.search(r'(?=(\w+))\w', 'hello').groups(), re.search(r'(?!(x))\w', 'hello').groups())
print(re.findall(r'(?=(\w\w))', 'abcd'))
