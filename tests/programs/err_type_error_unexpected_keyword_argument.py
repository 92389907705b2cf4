# TypeError for a keyword argument the function does not accept
def move(x, y=0):
    return x + y


print(move(1))
print(move(1, y=2))
print(move(x=3, y=4))
print(move(y=5, x=6))
print(move(1, z=2))
print('never reached')
