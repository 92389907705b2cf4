# any/all stop at the first deciding element; conditional expressions evaluate one branch
def noisy(v):
    print('eval', v)
    return v


print(any(noisy(x) for x in [0, 0, 3, 4]))
print(all(noisy(x) for x in [1, 2, 0, 5]))
print(any([]), all([]), any([0, '']), all([1, 'a']))
print(any(x > 10 for x in range(5)), all(x < 10 for x in range(5)))


def pick(flag):
    return noisy('yes') if flag else noisy('no')


print(pick(True), pick(False))
n = 7
print('odd' if n % 2 else 'even', 'big' if n > 100 else 'small' if n > 5 else 'tiny')
x = None
print(x if x is not None else 'default')
print([('fizz' if i % 3 == 0 else '') + ('buzz' if i % 5 == 0 else '') or str(i) for i in range(1, 16)])
it = iter([1, 0, 1])
print(any(it), list(it))
