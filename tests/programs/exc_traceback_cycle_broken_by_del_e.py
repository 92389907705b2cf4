# storing the exception in a local of the catching frame makes a cycle; deleting it breaks it
import gc

gc.collect()


class Tracked:
    def __del__(self):
        print('Tracked freed')


def catch_and_keep():
    t = Tracked()
    try:
        raise KeyError('k')
    except KeyError as e:
        err = e
    print('err kept:', repr(err))


def catch_and_drop():
    t = Tracked()
    try:
        raise KeyError('k')
    except KeyError as e:
        err = e
    del err


catch_and_keep()
print('after keep, collect ->', gc.collect())
catch_and_drop()
print('after drop, collect ->', gc.collect())
