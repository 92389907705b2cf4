# ABCMeta.register: a virtual subclass passes isinstance/issubclass but
# does not get the ABC in its MRO nor its methods; registering through a
# sub-ABC counts for the parent too.
from abc import ABC, ABCMeta, abstractmethod, get_cache_token


class Drawable(ABC):
    @abstractmethod
    def draw(self): ...

    def twice(self):
        return 2


class Widget(Drawable):
    pass


class Sprite:
    def draw(self):
        return "sprite"


class Label:
    pass


t0 = get_cache_token()
print(type(t0).__name__)
print(isinstance(Sprite(), Drawable), issubclass(Sprite, Drawable))
r = Drawable.register(Sprite)
print(r is Sprite, get_cache_token() - t0)
print(isinstance(Sprite(), Drawable), issubclass(Sprite, Drawable), Drawable in Sprite.__mro__)
print(hasattr(Sprite(), "twice"))

Widget.register(Label)
print(issubclass(Label, Widget), issubclass(Label, Drawable), isinstance(Label(), Drawable))

# subclasses of a virtual subclass are subclasses too
class BigSprite(Sprite):
    pass


print(issubclass(BigSprite, Drawable), isinstance(BigSprite(), Drawable))

# register as a class decorator; built-in types can be registered
@Drawable.register
class Text:
    pass


print(Text.__name__, issubclass(Text, Drawable))
Drawable.register(int)
print(isinstance(3, Drawable), issubclass(bool, Drawable), isinstance("s", Drawable))
# registering an existing subclass changes nothing
t1 = get_cache_token()
Drawable.register(Widget)
print(get_cache_token() == t1)

# tuples of classes
print(isinstance(2.5, (Drawable, float)), isinstance(2.5, (Drawable, str)))
print(issubclass(Label, (str, Drawable)))

# register on a metaclass=ABCMeta class
class Stack(metaclass=ABCMeta):
    pass


Stack.register(list)
print(isinstance([], Stack), isinstance((), Stack))
