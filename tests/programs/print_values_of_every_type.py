# print converts every argument with str() and separates them by one space
class Thing:
    pass


print(1, -1, 0)
print('str', "str2", '''str3''')
print(None)
print(True, False)
print([1, 'a'], ('b',), {'c': [None]})
print(2 ** 62)
print(-(2 ** 62))
print(type(Thing()) is Thing)
print(len, type(len))
print(Thing)
print('multi\nline')
print('', 'empty first')
print('trailing space ', 'x')
print('a' + 'b', 1 + 2, [1] + [2])
print('done')
