class Temperature:
    def __init__(self, celsius=0.0):
        self.celsius = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"Temperature {value} below absolute zero")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9

    @property
    def kelvin(self):
        return self._c + 273.15

t = Temperature(25)
print(t.celsius, t.fahrenheit, round(t.kelvin, 2))
t.fahrenheit = 212
print(t.celsius, t.__dict__)
try:
    t.celsius = -300
except ValueError as err:
    print("ValueError:", err)
try:
    t.kelvin = 5
except AttributeError as err:
    print("AttributeError:", err)
del t.celsius
print(t.__dict__)
print(type(Temperature.celsius), Temperature.kelvin.fset is None)

class Account:
    interest = 0.02
    _registry = []

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.__balance = balance
        Account._registry.append(self)

    @property
    def balance(self):
        return self.__balance

    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("deposit must be positive")
        self.__balance += amt
        return self

    @classmethod
    def from_string(cls, s):
        owner, bal = s.split(":")
        return cls(owner, int(bal))

    @staticmethod
    def validate(name):
        return name.isalpha() and name[0].isupper()

    @classmethod
    def total(cls):
        return sum(a.balance for a in cls._registry)

a = Account("Ann", 100).deposit(50).deposit(25)
b = Account.from_string("Bob:300")
print(a.balance, b.balance, Account.total())
print(Account.validate("Ann"), Account.validate("bob"), a.validate("X1"))
print(a._Account__balance, sorted(k for k in vars(a)))
try:
    print(a.__balance)
except AttributeError as e:
    print(e)
a.balance = 5
