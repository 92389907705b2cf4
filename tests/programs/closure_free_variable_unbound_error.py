# reading a closed-over variable before the enclosing function assigns it raises NameError
def outer(flag):
    def show():
        return value
    if flag:
        value = 'set'
    return show


print(outer(True)())
try:
    outer(False)()
except NameError as e:
    print(type(e).__name__ + ':', e)


def shadow():
    total = 0

    def bump():
        total += 1
    bump()


try:
    shadow()
except UnboundLocalError as e:
    print('UnboundLocalError:', e)
g = outer(False)
print(g.__name__)
g()
