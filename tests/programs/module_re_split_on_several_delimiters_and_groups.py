# Splitting text on several delimiters
import re

print(re.split(r'[,;\s]+', 'apples, pears;bananas  kiwis'))
print(re.split(r'\s*[,;]\s*', 'a , b;c ;  d'))
print(re.split(r'(,|;)', 'a,b;c'))
print(re.split(r'(?:,|;)', 'a,b;c'))
print(re.split(r'(-)|(\+)', '1-2+3'))
print(re.split(r',', 'a,b,c,d', maxsplit=2))
print(re.split(r'\d', 'a1b2c3', 1), re.split(r'\d', 'abc'))
print(re.split(r',', ',a,,b,'))
print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'x*', 'axbc'), re.split(r'\b', 'hi you'))
print(re.split('', 'abc'))
print(re.split(r'(?=[A-Z])', 'splitCamelCaseWords'))
print(re.compile(r'\s+').split('  leading and trailing  '))
print(re.split(r'[\n]+', 'l1\n\nl2\nl3'))
csv = 'name: Ann ; age:31;city :  Oslo'
print(dict(re.split(r'\s*:\s*', item.strip(), maxsplit=1) for item in csv.split(';')))
s = 'one two'
parts = re.split(r'x', s)
print(parts, parts[0] is s)
print(re.split(r'(a)(b)?', 'xaybz'))
