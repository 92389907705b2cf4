class E:
    def __mro_entries__(self, bases):
        print("entries of", [type(b).__name__ for b in bases])
        return (object,)
e = E()
class C(Exception, e):
    pass
print(C.__bases__, C.__orig_bases__[1] is e, C.__dict__['__orig_bases__'][0])
class Bad:
    def __mro_entries__(self, bases):
        return [int]
try:
    class D(Bad()): pass
except TypeError as ex:
    print(ex)
class G(int): pass
print('__orig_bases__' in G.__dict__)
