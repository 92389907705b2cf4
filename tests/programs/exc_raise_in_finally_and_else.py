# an exception in finally replaces the pending one and chains it; errors in else are not caught
def f():
    try:
        raise ValueError('first')
    finally:
        raise TypeError('second')


try:
    f()
except TypeError as e:
    print(repr(e), 'context:', repr(e.__context__))


def g():
    try:
        pass
    except ValueError:
        print('not reached')
    else:
        raise KeyError('from else')


try:
    g()
except KeyError as e:
    print('else error escaped the try:', e)


def h():
    for i in range(3):
        try:
            if i == 1:
                raise ValueError(i)
        except ValueError as e:
            print('caught', e)
            continue
        finally:
            print('cleanup', i)


h()
