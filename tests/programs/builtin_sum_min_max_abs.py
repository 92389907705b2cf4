# sum (with start), min and max over iterables and over several arguments, abs
nums = [3, -7, 12, 0, 5]
print(sum(nums), sum(nums, 100), sum([]), sum((1, 2, 3)))
print(sum([[1], [2, 3]], []))
print(min(nums), max(nums))
print(min(4, 2, 8), max(4, 2, 8))
print(min('hello'), max('hello'))
print(min(['pear', 'apple', 'fig']), max(['pear', 'apple', 'fig']))
print(min([[2, 1], [1, 9]]), max((1, 5), (1, 7)))
print(abs(-12), abs(12), abs(-(2 ** 62)))
print(max(range(10)), min(range(3, 8)))
print(sum(range(1, 11)) == 55)
print(max(True, 0), min(False, 1))
d = {'b': 2, 'a': 1, 'c': 3}
print(min(d), max(d), sum(d.values()))
