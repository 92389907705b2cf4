# an exception stored in a local of the frame it traverses forms a cycle gc.collect() finds
import gc

gc.collect()


class Payload:
    def __del__(self):
        print('Payload freed')


def keep_error():
    big = Payload()
    try:
        raise ValueError('kept')
    except ValueError as e:
        caught = e
    return 'returned'


def keep_error_nested():
    big = Payload()

    def fail():
        raise KeyError('deep')
    try:
        fail()
    except KeyError as e:
        caught = e


print(keep_error())
print('one frame cycle:', gc.collect())
keep_error_nested()
print('two frame traceback cycle:', gc.collect())
print('nothing left:', gc.collect())
