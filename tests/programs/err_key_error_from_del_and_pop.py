# KeyError from del d[k] on a key that was already removed
d = {'x': 1, 'y': 2}
print(d.pop('x'))
print('pop with default:', d.pop('x', None))
del d['y']
print('empty now:', d)
d['z'] = [3]
print('refilled:', d)
d.clear()
print('cleared:', d, len(d))
del d['y']
print('never reached')
