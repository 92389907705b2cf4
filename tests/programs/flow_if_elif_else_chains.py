# if / elif / else chains, nested ifs and pass
def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'


for n in [-5, 0, 3, 10, 99]:
    print(n, classify(n))
x = 7
if x > 5:
    if x % 2 == 1:
        print('big and odd')
    else:
        print('big and even')
else:
    pass
if []:
    print('not printed')
elif {}:
    print('not printed either')
else:
    print('empty containers are false')
if x:
    pass
print('end')
