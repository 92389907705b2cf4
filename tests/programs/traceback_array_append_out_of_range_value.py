import array

a = array.array('B', [1, 2, 3])
a.append(255)
print(a)
a.append(256)
