# extended slice assignment with the wrong length is a ValueError
data = [1, 2, 3, 4, 5, 6]
data[::2] = ['a', 'b', 'c']
print(data)
data[1::2] = [None] * 3
print(data)
print(data[1:-1:2])
data[::-1] = range(6)
print(data)
data[2:4] = []
print(data, data[::-2])
data[::3] = [1, 2, 3]
