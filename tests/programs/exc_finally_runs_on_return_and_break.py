# finally runs on return, break and continue; a return in finally wins
def ret():
    try:
        return 'from try'
    finally:
        print('finally after return')


def override():
    try:
        return 'try'
    finally:
        return 'finally'


def swallow():
    try:
        raise ValueError('lost')
    finally:
        return 'swallowed'


print(ret())
print(override())
print(swallow())
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print('body', i)
    finally:
        print('finally', i)
n = 0
while True:
    try:
        n += 1
        if n == 2:
            break
    finally:
        print('while finally', n)
