# a nested function that refers to itself is a function -> cell -> function cycle
import gc

gc.collect()


def make_recursive():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact


f = make_recursive()
print(f(5))
del f
print('recursive closure collected:', gc.collect())


def make_pair():
    data = []

    def push(x):
        data.append(x)
        return pop

    def pop():
        data.pop()
        return push
    return push


p = make_pair()
p(1)
del p
print('mutually referring closures collected:', gc.collect())


def plain():
    y = [1]
    return lambda: y


q = plain()
del q
print('acyclic closure needs no collection:', gc.collect())
