# IndexError reading past the end of a list
items = [10, 20, 30]
i = 0
while i < 3:
    print('item', i, items[i])
    i += 1
print('last via -1:', items[-1])
print('first via -3:', items[-3])
print('i is now', i)
print(items[i])
print('never reached')
