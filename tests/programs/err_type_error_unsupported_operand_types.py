# TypeError for + between an int and a str
count = 3
label = 'items'
print(str(count) + ' ' + label)
print(count * 2, label + '!')


def describe(n, what):
    print('describing', n, what)
    return n + what


print(describe(1, 2))
print(describe(count, label))
