# str() and repr() of exceptions raised by builtin operations
def msg(thunk):
    try:
        thunk()
    except Exception as e:
        print(type(e).__name__, '|', str(e), '|', repr(e))


msg(lambda: {}['key'])
msg(lambda: {}[(1, 2)])
msg(lambda: [1, 2][5])
msg(lambda: 1 // 0)
msg(lambda: 1 % 0)
msg(lambda: int('x1'))
msg(lambda: 'a' + 1)
msg(lambda: None.foo)
msg(lambda: [].pop())
msg(lambda: undefined_name)
msg(lambda: len(5))
msg(lambda: (1, 2)[0].bar)
msg(lambda: next(iter([])))
msg(lambda: [1].index(2))
msg(lambda: KeyError())
print(repr(ValueError()), repr(ValueError('a', 'b')), str(ValueError('a', 'b')))
print(repr(KeyError('q')), str(KeyError('q')), str(KeyError()))
