class CodeEG(ExceptionGroup):
    def __new__(cls, msg, excs, code):
        self = super().__new__(cls, msg, excs)
        self.code = code
        return self
    def derive(self, excs):
        return CodeEG(self.message, excs, self.code)
c = CodeEG("coded", [ValueError(1), TypeError(2)], 42)
print(repr(c), c.args, c.code)
m, r = c.split(ValueError)
print(type(m).__name__, m.code, repr(r))
def gen():
    try:
        yield 1
        raise ExceptionGroup("g", [ValueError(1), KeyError(2)])
    except* ValueError as e:
        yield repr(e)
    except* KeyError:
        yield "key"
    finally:
        yield "fin"
print(list(gen()))
try:
    c.exceptions = ()
except AttributeError as e:
    print("AE", e)
print(ExceptionGroup.__mro__, ExceptionGroup.__bases__)
print(BaseExceptionGroup.__name__, ExceptionGroup("a", [ValueError()]).__class__)
e = ExceptionGroup("x", [ValueError(1)])
print(e.with_traceback(None) is e, e.__traceback__)
try:
    raise e
except* ValueError:
    pass
print(e.__traceback__ is not None)
import sys
print(sys.getrefcount(e))
