# `except E as e` unbinds e at the end of the handler; a saved reference keeps the exception
import sys

saved = []
e = 'outer value'
try:
    raise ValueError('boom')
except ValueError as e:
    saved.append(e)
    print('inside handler, refcount:', sys.getrefcount(e))
try:
    print(e)
except NameError as err:
    print('NameError:', err)
print('saved:', repr(saved[0]))
print('refcount of saved exception:', sys.getrefcount(saved[0]))


def f():
    try:
        1 // 0
    except ZeroDivisionError as exc:
        pass
    try:
        return exc
    except UnboundLocalError as err:
        return 'UnboundLocalError: ' + str(err)


print(f())
del saved
