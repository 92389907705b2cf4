# sorted() with key and reverse is stable; list.sort sorts in place and returns None
data = [5, 2, 9, 1, 5, 6]
print(sorted(data), data)
print(sorted(data, reverse=True))
words = ['pear', 'Fig', 'apple', 'kiwi', 'Banana']
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
people = [('ann', 30), ('bob', 25), ('cy', 30), ('dee', 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted('hello'), sorted((3, 1, 2)), sorted({'b': 1, 'a': 2}))
print(data.sort(), data)
data.sort(key=lambda x: -x)
print(data)
print(sorted([]), sorted([[2, 1], [1, 5], [1, 2]]))
try:
    sorted([1, 'a'])
except TypeError as e:
    print(e)
try:
    sorted([1], lambda x: x)
except TypeError as e:
    print(e)
