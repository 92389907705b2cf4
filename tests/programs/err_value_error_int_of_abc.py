# ValueError from int() of a non-numeric string
inputs = ['12', ' 7 ', '-3', 'abc', '5']
total = 0


def convert(s):
    print('converting', repr(s))
    return int(s)


for s in inputs:
    total += convert(s)
    print('total', total)
