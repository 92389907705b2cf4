eg = ExceptionGroup("msg", [ValueError(1), TypeError(2)])
print(eg, repr(eg), eg.message, eg.exceptions, type(eg).__mro__)
b = BaseExceptionGroup("b", [ValueError(1)])
print(type(b).__name__, str(b))
for args in [("m",), (1, []), ("m", 5), ("m", []), ("m", [1]), ("m", [KeyboardInterrupt()])]:
    try:
        ExceptionGroup(*args)
    except Exception as e:
        print(type(e).__name__, e)
print(type(BaseExceptionGroup("x", (KeyboardInterrupt(), ValueError()))).__name__)
def tb():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("n", [TypeError(2), ValueError(3)]), KeyError(4)])
    except ExceptionGroup as e:
        return e
e = tb()
e.add_note("a note")
e.__cause__ = RuntimeError("c")
m, r = e.split(ValueError)
print(repr(m), repr(r))
print(m.__traceback__ is e.__traceback__, m.__cause__, m.__suppress_context__, m.__notes__, m.__notes__ is e.__notes__)
print(repr(e.subgroup(lambda x: isinstance(x, TypeError))))
print(repr(e.subgroup((KeyError, TypeError))), e.subgroup(OSError), e.split(Exception)[0] is e)
try:
    e.split(1)
except TypeError as x:
    print(x)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
me = MyEG("mine", [ValueError(1), TypeError(2)])
print(repr(me), repr(me.split(TypeError)))
print(isinstance(e, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
