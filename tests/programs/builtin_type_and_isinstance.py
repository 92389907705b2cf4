# type() and isinstance() with builtin types, user classes, subclasses and tuples of types
class Animal:
    pass


class Dog(Animal):
    pass


rex = Dog()
print(type(rex) is Dog, type(rex) is Animal)
print(isinstance(rex, Dog), isinstance(rex, Animal), isinstance(rex, object))
print(isinstance(Animal(), Dog))
print(isinstance(1, int), isinstance(True, int), isinstance('1', int))
print(isinstance([], list), isinstance({}, dict), isinstance((), tuple))
print(isinstance([], (dict, tuple)), isinstance([], (dict, list)))
print(isinstance(None, object), isinstance(int, type), isinstance(Dog, type))
print(type(1) == int, type('a') == str, type([]) == list)
print(type(type(1)))
print(type(rex), type(Animal()))
values = [1, 'a', [2], {'b': 3}, (4,), None, True]
for v in values:
    print(repr(v), type(v))
