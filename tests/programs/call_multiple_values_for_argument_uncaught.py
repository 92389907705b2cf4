# a parameter given both positionally and by keyword, or twice through **, is a TypeError
def point(x, y=0):
    return (x, y)


print(point(1, y=2))
try:
    point(1, x=2)
except TypeError as e:
    print(e)
try:
    point(**{'x': 1}, **{'x': 2})
except TypeError as e:
    print(e)
try:
    point(y=1)
except TypeError as e:
    print(e)
try:
    point(1, 2, 3)
except TypeError as e:
    print(e)
point(5, **{'y': 1, 'x': 3})
