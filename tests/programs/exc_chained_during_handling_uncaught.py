# an exception raised in a handler gets __context__ (the "During handling" chain)
def cleanup():
    raise RuntimeError('cleanup failed')


try:
    try:
        [][1]
    except IndexError:
        cleanup()
except RuntimeError as e:
    print(type(e.__context__).__name__, e.__context__)
    print(e.__cause__, e.__suppress_context__)

try:
    {}['k']
except KeyError as first:
    print('handling', repr(first))
    n = 1 // 0
