import gc
class Shape: pass
class Triangle(Shape): pass
class Square(Shape): pass
class Mixin: pass
class Tri2(Mixin, Triangle): pass
print(Shape.__subclasses__(), Triangle.__subclasses__(), Mixin.__subclasses__(), Square.__subclasses__())
gc.collect()
class Late(Shape): pass
print([c.__name__ for c in Shape.__subclasses__()])
del Square
gc.collect()
print([c.__name__ for c in Shape.__subclasses__()])
def all_subclasses(cls):
    out = []
    for s in cls.__subclasses__():
        out.append(s.__name__)
        out.extend(all_subclasses(s))
    return out
print(all_subclasses(Shape))
