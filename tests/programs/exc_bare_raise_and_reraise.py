# bare `raise` re-raises the exception being handled; args and with_traceback
def inner():
    raise ValueError('original', 42)


def middle():
    try:
        inner()
    except ValueError:
        print('middle saw it, re-raising')
        raise


try:
    middle()
except ValueError as e:
    print('outer got', e.args, e.args[1])
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print('traceback through', names)

try:
    raise
except RuntimeError as e:
    print('bare raise with nothing active:', e)
