# Regular expressions on long strings (50,000 characters: a matcher that
# recursed per character would overflow the C stack)
import re

s = 'ab' * 25000
print(len(s), re.match(r'(?:ab)*', s).end(), re.match(r'(a|b)*', s).span(), re.match(r'(a|b)*', s).group(1))
print(len(re.findall('a', s)), re.search('c', s), re.search('ba$', s + 'ba').start())
print(len(re.sub('b', '', s)), len(re.split('a', s)), re.fullmatch(r'[ab]+', s) is not None)
words = ' '.join(['word%d' % i for i in range(20000)])
print(len(re.findall(r'\bword\d*7\b', words)), re.findall(r'word1999\d', words)[:3])
print(re.search(r'(\d+)$', words).group(1), re.match(r'.*?(\d)', words).group(1))
print(re.subn(r'\d+', '#', words)[1])
