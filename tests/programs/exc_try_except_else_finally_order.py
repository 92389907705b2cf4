# order of try / except / else / finally blocks with and without an exception
def attempt(n):
    print('try', n)
    try:
        if n == 1:
            raise ValueError('one')
        if n == 2:
            raise KeyError('two')
        print('body done', n)
    except ValueError as e:
        print('except ValueError:', e)
    except KeyError as e:
        print('except KeyError:', e)
    else:
        print('else', n)
    finally:
        print('finally', n)
    print('after', n)


for i in range(3):
    attempt(i)

try:
    try:
        raise IndexError('inner')
    finally:
        print('inner finally runs before outer except')
except IndexError as e:
    print('outer caught', repr(e))
