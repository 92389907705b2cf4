# assigning a name anywhere in a function makes it local, so reading it first fails
total = 10


def add(n):
    print('adding', n)
    total = total + n
    return total


print('total before', total)
add(5)
print('never reached')
