# TypeError for str + int (the message differs from int + str)
name = 'level'
number = 5
print(name + str(number))
print(name + ' ' + repr(number))
parts = [name, str(number)]
print('-'.join(parts))


def label(prefix, n):
    return prefix + n


print(label('ok', '1'))
print(label(name, number))
