# several generators from one function keep independent frames; zip stops at the shortest
def numbers(start, step):
    n = start
    while True:
        yield n
        n += step


def take(gen, k):
    out = []
    for x in gen:
        if len(out) == k:
            break
        out.append(x)
    return out


evens = numbers(0, 2)
odds = numbers(1, 2)
print(next(evens), next(odds), next(evens), next(odds))
print(take(evens, 3), take(odds, 2))
print(list(zip(numbers(10, 1), 'xyz')))
print(list(zip(range(3), numbers(0, 5), numbers(100, -1))))


def pipeline(src):
    for x in src:
        if x % 3 == 0:
            yield x // 3


print(take(pipeline(numbers(1, 1)), 4))
del evens, odds
