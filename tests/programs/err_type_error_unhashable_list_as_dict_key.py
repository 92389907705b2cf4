# TypeError when a list is used as a dict key
index = {}
index['ok'] = 1
index[(1, 2)] = 'tuple keys are fine'
index[3] = 'int keys too'
print(index)
print((1, 2) in index, index[(1, 2)])
key = [1, 2]
print('key as a list:', key)
index[key] = 'lists are not hashable'
print('never reached')
