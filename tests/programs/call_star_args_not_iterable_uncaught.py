# unpacking a non-iterable with * or a non-mapping with ** in a call is a TypeError
def f(*args, **kwargs):
    return len(args), len(kwargs)


print(f(*[1, 2], **{'a': 1}))
try:
    f(**[1, 2])
except TypeError as e:
    print(e)
try:
    f(**{1: 2})
except TypeError as e:
    print(e)
try:
    print(*None)
except TypeError as e:
    print(e)
f(*5)
