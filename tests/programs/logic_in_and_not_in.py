# in / not in on lists, tuples, dicts (keys), dict views and strings
lst = [1, 'two', [3], None]
print(1 in lst, 'two' in lst, [3] in lst, None in lst, 4 in lst)
print(4 not in lst, 'two' not in lst)
d = {'a': 1, 'b': [2]}
print('a' in d, 1 in d, 'z' not in d)
print(1 in d.values(), [2] in d.values(), 'b' in d.keys())
print(('a', 1) in d.items())
print('ell' in 'hello', 'xyz' in 'hello', '' in '')
print('H' not in 'hello')
t = (1, 2, 3)
print(2 in t, 5 not in t)
inner = [9]
holder = [inner]
print(inner in holder, [9] in holder)
print(1 in range(3), 3 in range(3))
words = ['apple', 'banana']
print('app' in words, 'app' in words[0])
