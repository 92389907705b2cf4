# Text that is not ASCII: spans count characters, not bytes
import re

s = 'Ünïcödé text — naïve café, 東京 and Москва!'
print(re.findall(r'\w+', s))
m = re.search(r'café', s)
print(m, m.span(), s[m.start():m.end()])
print([m.span() for m in re.finditer(r'\w+', s)][-3:])
print(re.sub(r'[àâäéèêëïîôöùûüÿçñ]', '_', 'crème brûlée à la française'))
print(re.split(r'\s*[—,!]\s*', s))
print(re.findall(r'(?i)москва', s), re.findall(r'(?i)ÜNÏ', s))
print(re.match(r'.{3}', 'αβγδ'), re.fullmatch(r'[α-ω]+', 'αβγ'), re.search(r'\u4eac', s))
print(re.findall(r'\S+', 'a\u00a0b\u3000c d'), re.findall(r'\s', 'a\u00a0b\u3000c'))
print(re.sub(r'(\w+)', r'<\1>', 'Grüße aus Köln'))
print(re.escape('ünï.cödé'), len(re.findall(r'.', '😀a😀')))
