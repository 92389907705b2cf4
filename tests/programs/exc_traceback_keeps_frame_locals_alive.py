# a saved exception's traceback keeps the raising frame and its locals alive
class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('del', self.name)


def fail():
    local = Tracked('local of fail')
    raise ValueError('fail')


def fail_and_forget():
    t = Tracked('local of forget')
    try:
        fail()
    except ValueError:
        print('handled inside')
    print('returning')


fail_and_forget()
print('--')
saved = None
try:
    fail()
except ValueError as e:
    saved = e
    print('tb frames:', saved.__traceback__.tb_next.tb_frame.f_code.co_name)
print('still saved')
saved = None
print('after dropping the exception')
