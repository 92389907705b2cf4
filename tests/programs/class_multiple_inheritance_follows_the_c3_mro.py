# class C(A, B): the C3 method resolution order, __mro__, mro(), __bases__,
# super() through the MRO, mixins, and the errors CPython gives
class Base:
    def who(self):
        return ["Base"]

class Left(Base):
    def who(self):
        return ["Left"] + super().who()

class Right(Base):
    def who(self):
        return ["Right"] + super().who()

class Diamond(Left, Right):
    def who(self):
        return ["Diamond"] + super().who()

print(Diamond.__mro__)
print([c.__name__ for c in Diamond.mro()])
print(Diamond.__bases__, Diamond.__base__, Left.__bases__, Base.__bases__)
print(Diamond().who())
print(isinstance(Diamond(), Right), issubclass(Diamond, Base), issubclass(Left, Right))
print(super(Left, Diamond()).who())

# the textbook example of C3
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
print([k.__name__ for k in Z.__mro__])

# mixins with cooperative __init__
class JsonMixin:
    def to_json(self):
        return "{" + ", ".join(f'"{k}": {v!r}' for k, v in vars(self).items()) + "}"

class Named:
    def __init__(self, name, **rest):
        self.name = name
        super().__init__(**rest)

class Aged:
    def __init__(self, age, **rest):
        self.age = age
        super().__init__(**rest)

class Person(JsonMixin, Named, Aged):
    def __init__(self, name, age):
        super().__init__(name=name, age=age)

p = Person("Ada", 36)
print(p.to_json(), [c.__name__ for c in type(p).__mro__])

# methods found along the MRO, first definition wins
class X:
    greeting = "X"
    def hello(self): return "X.hello"
class Y:
    greeting = "Y"
    def hello(self): return "Y.hello"
    def only_y(self): return "only in Y"
class XY(X, Y): pass
class YX(Y, X): pass
print(XY().hello(), YX().hello(), XY.greeting, YX.greeting, XY().only_y())

# errors
try:
    class Bad(Left, Base, Right): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(Base, Left): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Twice(X, X): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Layout(list, dict): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class NotABase(bool): pass
except TypeError as e:
    print("TypeError:", e)
class Final(Right, Left): pass
print([c.__name__ for c in Final.__mro__])
class Broken(Left, Right, Base): pass
print([c.__name__ for c in Broken.__mro__])
class Oops(Base, Diamond): pass
