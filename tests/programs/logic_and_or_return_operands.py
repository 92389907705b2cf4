# and / or return one of their operands, not a bool; not always returns a bool
print(1 and 2)
print(0 and 2)
print(1 or 2)
print(0 or 2)
print([] or 'default')
print('value' or 'default')
print(None or [] or 0)
print('a' and 'b' and 'c')
print('a' and '' and 'c')
print(repr('' or ''))
print({} and 1, [] and 1)
print(not [], not [0], not 0, not 'x', not None)
print(1 and [2] or 3)
print(None and 1 or 'fallback')
items = []
print(items or ['empty'])
calls = []


def mark(v):
    calls.append(v)
    return v


print(mark(0) and mark(1), mark(2) or mark(3))
print('evaluated:', calls)
