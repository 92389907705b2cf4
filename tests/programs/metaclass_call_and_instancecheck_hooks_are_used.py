# A metaclass's __call__ may defer to super().__call__ / type.__call__;
# its __instancecheck__ and __subclasscheck__ decide isinstance/issubclass.
class Counted(type):
    made = 0

    def __call__(cls, *args, **kwargs):
        Counted.made += 1
        return super().__call__(*args, **kwargs)


class Point(metaclass=Counted):
    def __init__(self, x, y=0):
        self.x, self.y = x, y


p = Point(1, y=2)
q = Point(3)
print(p.x, p.y, q.x, q.y, Counted.made)


class Logged(type):
    def __call__(cls, *args):
        print("making", cls.__name__, args)
        return type.__call__(cls, *args)


class Thing(metaclass=Logged):
    def __init__(self, *args):
        self.args = args


print(Thing(1, 2).args)


class Duck(type):
    def __instancecheck__(cls, inst):
        return hasattr(inst, "quack")

    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")


class Quacker(metaclass=Duck):
    pass


class Mallard:
    def quack(self):
        return "quack"


print(isinstance(Mallard(), Quacker), isinstance(3, Quacker), issubclass(Mallard, Quacker))
print(issubclass(int, (Quacker, str)), issubclass(Mallard, (int, Quacker)))
print(isinstance(Quacker(), Quacker))
