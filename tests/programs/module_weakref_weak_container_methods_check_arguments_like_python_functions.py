# The weak containers are written in Python in CPython: their methods without
# parameters refuse arguments with a Python function's messages, and the
# qualified name is the defining class's (MutableMapping.clear)
import weakref

wv, wk, ws = weakref.WeakValueDictionary(), weakref.WeakKeyDictionary(), weakref.WeakSet()
for o, names in [(wv, 'keys values items itervaluerefs valuerefs popitem copy clear'),
                 (wk, 'keys values items keyrefs popitem copy clear'), (ws, 'clear copy pop')]:
    for n in names.split():
        for call in [lambda m: m(1), lambda m: m(x=1)]:
            try:
                call(getattr(o, n))
            except TypeError as e:
                print(e)
# the unbound methods, __copy__ (the same function as copy) and subclasses
class MySet(weakref.WeakSet):
    pass
for call in [lambda: wk.__copy__(1), lambda: MySet().pop(1, 2),
             lambda: weakref.WeakValueDictionary.keys(wv, 1), lambda: wv.__copy__(memo=1)]:
    try:
        call()
    except TypeError as e:
        print(e)
print(type(weakref.WeakSet.copy(ws)).__name__, list(weakref.WeakKeyDictionary.keys(wk)), wv.__copy__ == wv.copy)
