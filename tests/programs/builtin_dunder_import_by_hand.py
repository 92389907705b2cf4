m = __import__('math')
print(m.sqrt(16), m.__name__)
c = __import__('collections.abc')
print(c.__name__)
c2 = __import__('collections.abc', fromlist=['Mapping'])
print(c2.__name__)
try:
    __import__('x', level=1)
except ImportError as e:
    print(e)
try:
    __import__(3)
except TypeError as e:
    print(e)
try:
    __import__('')
except ValueError as e:
    print(e)
print(__import__('random') is __import__('random'))
print(__import__('weakref', globals(), locals(), ['ref'], 0).__name__)
try:
    __import__('x', globals(), None, [], 2)
except ImportError as e:
    print(e)
