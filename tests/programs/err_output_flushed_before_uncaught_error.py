# everything printed before an uncaught error must appear, including partial lines
for i in range(5):
    print('line', i)
print('partial line without newline', end='')
print(' ... continued', end=' ')
values = [1, 2, 3]


def fetch(seq, index):
    return seq[index]


print(fetch(values, 2), end=' ')
print(fetch(values, 10))
