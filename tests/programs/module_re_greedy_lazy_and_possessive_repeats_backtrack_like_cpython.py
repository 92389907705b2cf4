# Greedy and lazy quantifiers, and how backtracking finds a match
import re

html = '<b>bold</b> and <i>italic</i>'
print(re.findall(r'<.*>', html))
print(re.findall(r'<.*?>', html))
print(re.findall(r'<[^>]*>', html))
print(re.match(r'a+', 'aaaa'), re.match(r'a+?', 'aaaa'))
print(re.match(r'a{2,3}', 'aaaa'), re.match(r'a{2,3}?', 'aaaa'))
print(re.match(r'(a*)(a*)', 'aaa').groups(), re.match(r'(a*?)(a*)', 'aaa').groups())
print(re.match(r'(.*)(\d+)', 'abc123').groups(), re.match(r'(.*?)(\d+)', 'abc123').groups())
print(re.search(r'"(.*)"', 'say "hi" and "bye"').group(1))
print(re.search(r'"(.*?)"', 'say "hi" and "bye"').group(1))
print(re.match(r'(\w+?)(\d*)$', 'abc123').groups())
print(re.match(r'x??y', 'xy'), re.match(r'(x?)??y', 'xy').groups())
print(re.match(r'a*+a', 'aaa'), re.match(r'(?>a*)a', 'aaa'), re.match(r'(?>a|ab)c', 'abc'))
print(re.match(r'(a|ab)(c|bcd)(d*)', 'abcd').groups())
print(re.fullmatch(r'(a+)+b', 'aaab'), re.fullmatch(r'(\w+)\s(\w+)', 'one two').group(2))
print(re.match(r'.*foo', 'xfooyfoo'), re.match(r'.*?foo', 'xfooyfoo'))
print(re.findall(r'\d{2,}?', '12345'), re.findall(r'\d{2,}', '12345'))
print(re.sub(r'\s{2,}', ' ', 'a  b   c d'))
print(re.match(r'(ab)*', 'ababab').group(1), re.match(r'(ab)*?', 'ababab').group(1))
print(re.match(r'(?:a(b)?)+', 'aba').groups(), re.match(r'(a|b)*', 'ab').group(1))
