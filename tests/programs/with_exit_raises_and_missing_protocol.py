# errors in __exit__ chain onto the body's exception; objects without the protocol fail
class BadExit:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        raise RuntimeError('exit failed')


try:
    with BadExit():
        raise ValueError('body failed')
except RuntimeError as e:
    print(repr(e), 'context:', repr(e.__context__))


class NoExit:
    def __enter__(self):
        return self


try:
    with NoExit():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ':', e)
try:
    with [1, 2]:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ':', e)
