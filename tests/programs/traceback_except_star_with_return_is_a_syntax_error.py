# SyntaxError: return cannot leave an except* block
print('never printed')


def f():
    try:
        pass
    except* ValueError:
        return 1
