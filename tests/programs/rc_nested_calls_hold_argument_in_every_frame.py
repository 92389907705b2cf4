# an object passed down through nested calls is referenced once per active frame
import sys


def level3(c):
    print('level3:', sys.getrefcount(c))


def level2(b):
    print('level2:', sys.getrefcount(b))
    level3(b)
    print('level2 after level3 returned:', sys.getrefcount(b))


def level1(a):
    print('level1:', sys.getrefcount(a))
    level2(a)


def identity(x):
    return x


data = {'payload': [1, 2, 3]}
level1(data)
print('back at module level:', sys.getrefcount(data))
print('through nested identity calls:', sys.getrefcount(identity(identity(data))))
level3(identity(data))
level1(data['payload'])
print('end:', sys.getrefcount(data), sys.getrefcount(data['payload']))
