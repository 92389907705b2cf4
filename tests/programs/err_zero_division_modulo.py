# ZeroDivisionError from % by zero
pairs = [(7, 2), (9, 3), (-7, 4), (5, 0), (1, 1)]


def remainder(a, b):
    return a % b


for pair in pairs:
    a, b = pair
    print(a, b, '->', remainder(a, b))
print('never reached')
