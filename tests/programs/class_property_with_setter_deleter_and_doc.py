# property(fget, fset, fdel, doc) and the @x.setter / @x.deleter forms,
# read-only properties, docstrings, and CPython's error messages
class Temperature:
    def __init__(self, celsius):
        self._c = celsius

    @property
    def celsius(self):
        "degrees Celsius"
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c

    def _get_f(self):
        return self._c * 9 / 5 + 32
    def _set_f(self, value):
        self._c = (value - 32) * 5 / 9
    fahrenheit = property(_get_f, _set_f, None, "degrees Fahrenheit")

    @property
    def kelvin(self):
        return self._c + 273.15

t = Temperature(20)
print(t.celsius, t.fahrenheit, t.kelvin)
t.celsius = 25
t.fahrenheit = 212
print(t.celsius, Temperature.celsius.__doc__, Temperature.fahrenheit.__doc__, Temperature.kelvin.__doc__)
print(type(Temperature.celsius).__name__, Temperature.celsius.fget.__name__, Temperature.kelvin.fset)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.kelvin = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.kelvin
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
try:
    t.celsius
except AttributeError as e:
    print("AttributeError:", e)

p = property()
try:
    p.__get__(t)
except AttributeError as e:
    print("AttributeError:", e)
q = property(lambda self: 42, doc="answer")
print(q.__get__(t), q.__doc__, q.fget(None))
class Holder:
    answer = q
print(Holder().answer, Holder.answer is q)
try:
    property(1, 2, 3, 4, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    property(foo=1)
except TypeError as e:
    print("TypeError:", e)
# a property in a subclass overriding an attribute
class Base:
    size = 1
class Derived(Base):
    @property
    def size(self):
        return 2
print(Base().size, Derived().size)
