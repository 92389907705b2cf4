# truth values of containers, numbers, strings, None and instances in if and while
values = [0, 1, -1, '', 'x', [], [0], {}, {'k': 0}, (), (0,), None, True, False]
for v in values:
    if v:
        print(repr(v), 'is true')
    else:
        print(repr(v), 'is false')


class Anything:
    pass


if Anything():
    print('instances are true')
stack = [1, 2, 3]
while stack:
    print('popped', stack.pop())
print('stack empty:', stack, not stack)
