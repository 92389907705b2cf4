# print with custom sep and end, empty print, and end without newline
print('a', 'b', 'c')
print('a', 'b', 'c', sep='')
print('a', 'b', 'c', sep=', ')
print('a', 'b', sep='\n')
print('no newline', end='')
print(' -> continued')
print('x', end='!\n')
print()
print('', '')
print(1, 2, 3, sep=' | ', end=' <end>\n')
print(end='')
print(sep='-')
print('only', end=' ')
print('words', end=' ')
print('here')
print([1, 2], (3,), {'a': 4}, sep=';')
print(None, True, False, sep='')
print('tab', 'sep', sep='\t')
i = 0
while i < 3:
    print(i, end=' ')
    i += 1
print()
