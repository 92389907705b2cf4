# closures created by one call share the same cell; separate calls do not
def bank():
    balance = 0

    def deposit(n):
        nonlocal balance
        balance += n
        return balance

    def withdraw(n):
        nonlocal balance
        if n > balance:
            return 'refused'
        balance -= n
        return balance

    def report():
        return 'balance=' + str(balance)

    return deposit, withdraw, report


d, w, r = bank()
print(d(50), w(20), w(100), r())
d2, w2, r2 = bank()
print(d2(1), r(), r2())
print(d.__closure__[0] is w.__closure__[0], d.__closure__[0] is d2.__closure__[0])


def gen_with_closure():
    state = []

    def add(x):
        state.append(x)
    for i in range(3):
        add(i)
        yield list(state)


print(list(gen_with_closure()))
del d, w, r, d2, w2, r2
