# defaultdict(list) to group, defaultdict(int) to count; its factory,
# __missing__, repr, copy and errors.
import sys
from collections import defaultdict

words = "apple avocado banana blueberry cherry apple".split()
by_letter = defaultdict(list)
for w in words:
    by_letter[w[0]].append(w)
print(by_letter)
print(dict(by_letter), len(by_letter), by_letter['z'], len(by_letter))
counts = defaultdict(int)
for w in words:
    counts[w] += 1
print(counts)
print(sorted(counts.items(), key=lambda kv: -kv[1]))
print(counts.default_factory, by_letter.default_factory)
print(defaultdict(), defaultdict(None, {1: 2}), defaultdict(int, a=1), defaultdict(set, [(1, {2})]))
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 2
print(nested['x']['y'], 'x' in nested, 'q' in nested)
c = counts.copy()
print(c, type(c), c is counts, c == counts)
print(counts.get('nothing'), 'nothing' in counts)
print(counts.__missing__('new'), counts['new'])
counts.default_factory = None
try:
    counts['missing']
except KeyError as e:
    print('KeyError', e)
try:
    defaultdict(5)
except TypeError as e:
    print('TypeError', e)
try:
    defaultdict([])
except TypeError as e:
    print('TypeError', e)
print(isinstance(by_letter, dict), type(by_letter), defaultdict.__name__, defaultdict.__module__)
print(sys.getsizeof(defaultdict(list)) == sys.getsizeof({}) + 8)
counts.default_factory = str
print(repr(counts['s']), counts.pop('s'))
