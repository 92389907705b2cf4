# NameError suggests a builtin name for a typo such as lenn
items = ['a', 'b']
print('items:', items)
size = 0
for it in items:
    size += 1
print('size counted by hand:', size)
print('len agrees:', len(items) == size)
print(lenn(items))
print('never reached')
