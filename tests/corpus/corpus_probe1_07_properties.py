class Temperature:
    def __init__(self, celsius=0.0):
        self.celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"Temperature {value} below absolute zero")
        self._celsius = value

    @celsius.deleter
    def celsius(self):
        print("deleting celsius")
        del self._celsius

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9

    @classmethod
    def from_fahrenheit(cls, f):
        t = cls()
        t.fahrenheit = f
        return t

    @staticmethod
    def is_freezing(c):
        return c <= 0

    def __repr__(self):
        return f"{type(self).__name__}(celsius={self.celsius:.2f})"

t = Temperature(25)
print(t, t.fahrenheit)
t.fahrenheit = 212
print(t)
t2 = Temperature.from_fahrenheit(-40)
print(t2, t2.celsius == t2.fahrenheit)
print(Temperature.is_freezing(-1), t.is_freezing(5))
try:
    t.celsius = -300
except ValueError as err:
    print("ValueError:", err)
del t.celsius
try:
    print(t.celsius)
except AttributeError as err:
    print("AttributeError:", err)
print(type(Temperature.celsius), Temperature.celsius.fget.__name__)

class ReadOnly:
    @property
    def value(self):
        return 42
r = ReadOnly()
print(r.value)
try:
    r.value = 1
except AttributeError as err:
    print("AttributeError:", err)
print(vars(t2))
print(Temperature.__dict__['from_fahrenheit'].__class__.__name__)
print(t.__class__.__mro__)
