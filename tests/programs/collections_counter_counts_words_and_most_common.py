# Counter: counting letters and words, missing keys count 0, most_common,
# elements, update and subtract, total, repr in count order.
from collections import Counter

text = "the quick brown fox jumps over the lazy dog the end"
words = Counter(text.split())
print(words)
print(words['the'], words['cat'], 'cat' in words)
print(words.most_common(2))
print(words.most_common()[:4])
print(words.most_common(0), words.most_common(-1))
letters = Counter('abracadabra')
print(letters, letters.total())
print(sorted(letters.elements()))
print(list(Counter(a=2, b=0, c=-1).elements()))
letters.update('aaz')
print(letters)
letters.update({'b': 10})
print(letters)
letters.subtract(a=10)
print(letters)
letters.subtract(['z', 'z'])
print(letters)
print(Counter(), Counter({'a': 2, 'b': 5}), Counter(cats=4, dogs=8))
c = Counter()
c['foo'] += 1
c['foo'] += 1
c['bar'] += 10
print(c, len(c), sum(c.values()))
del c['nothing']
del c['foo']
print(c, c.copy(), type(c.copy()))
print(isinstance(c, dict), type(c), Counter.__module__)
try:
    Counter(1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    Counter(5)
except TypeError as e:
    print('TypeError', e)
print(Counter([1, 1, 2]).most_common(1))
