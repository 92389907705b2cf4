# iterators, views, ranges, exceptions, weak references, modules
import sys
import weakref

size = sys.getsizeof
print("iterators:", size(iter([])), size(iter(())), size(iter('ab')), size(iter(range(3))), size(iter({})),
      size(iter({}.values())), size(iter({}.items())), size(iter(set())))
print("built-in iterators:", size(enumerate([])), size(zip()), size(zip([], [], [])), size(map(len, [])),
      size(filter(None, [])), size(reversed([])), size(reversed(range(3))))
print("views:", size({}.keys()), size({}.values()), size({}.items()))
print("exceptions:", size(Exception()), size(ValueError('x')), size(KeyError()), size(StopIteration()),
      size(AttributeError()), size(NameError()), size(SystemExit()), size(ImportError()), size(TypeError()))


class B:
    pass


b = B()
print("weakref:", size(weakref.ref(b)), size(weakref.ref(b, print)))
print("modules:", size(sys), size(weakref))
print("globals():", size(globals()) > 64)
