# the returned object survives the frame's cleanup while other locals die
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('destroy', self.name)


def build():
    scratch = Noisy('scratch')
    result = Noisy('result')
    print('returning')
    return result


kept = build()
print('kept is', kept.name)
print('calling build() without keeping the result')
build()
print('result used in an expression')
print('name:', build().name)
del kept
print('end')
