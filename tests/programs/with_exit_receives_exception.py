# __exit__ receives the exception type, value and traceback; returning false re-raises
class Watch:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        print('exit got', et.__name__ if et else None, repr(ev), tb is not None)
        if tb is not None:
            print('tb line frame:', tb.tb_frame.f_code.co_name)


def risky():
    with Watch():
        raise ValueError('inside with')


try:
    risky()
except ValueError as e:
    print('propagated:', e)
try:
    with Watch() as w:
        {}['missing']
except KeyError as e:
    print('propagated:', repr(e), type(w).__name__)
with Watch():
    print('no exception')
