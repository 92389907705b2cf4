# SyntaxError: a def line without its colon
print('never printed')


def broken(x)
    return x


print(broken(1))
print('end')
