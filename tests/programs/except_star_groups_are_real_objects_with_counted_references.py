import sys
# the parts split off a group share its leaves: each leaf gains a reference
v, t = ValueError(1), TypeError(2)
eg = ExceptionGroup("eg", [v, t])
before = sys.getrefcount(v)
m, r = eg.split(ValueError)
print(sys.getrefcount(v) - before, m.exceptions[0] is v, r.exceptions[0] is t)
del m, r
print(sys.getrefcount(v) - before)
# the args keep the sequence as given, .exceptions is a tuple
lst = [v, t]
g = ExceptionGroup("x", lst)
print(g.args[1] is lst, type(g.exceptions).__name__, g.exceptions == (v, t))
# handlers see subgroups; the name is unbound after the handler
def run(exc):
    seen = []
    try:
        raise exc
    except* ValueError as e:
        seen.append(("V", [repr(x) for x in e.exceptions], type(e).__name__))
    except* (TypeError, KeyError) as e:
        seen.append(("TK", [repr(x) for x in e.exceptions]))
    except* BaseException as e:
        seen.append(("B", repr(e)))
    return seen
print(run(ExceptionGroup("a", [ValueError(1), KeyError(2), TypeError(3)])))
print(run(BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(5)])))
print(run(KeyError("naked")))
print(run(SystemExit(3)))
class MyEG(ExceptionGroup):
    pass
print(run(MyEG("mine", [ValueError(1), MyEG("sub", [TypeError(2)])])))
# finally runs, else only without an exception
for exc in (None, ValueError(1)):
    try:
        try:
            if exc:
                raise exc
        except* TypeError:
            print("never")
        else:
            print("else ran")
        finally:
            print("finally ran")
    except ExceptionGroup as g:
        print("escaped", repr(g))
    except ValueError as v2:
        print("naked escaped", repr(v2))
# a loop inside an except* block may break and continue
try:
    raise ExceptionGroup("loop", [ValueError(i) for i in range(4)])
except* ValueError as e:
    for x in e.exceptions:
        if x.args[0] == 1:
            continue
        if x.args[0] == 3:
            break
        print("leaf", x)
# the predicate form of split and subgroup
eg = ExceptionGroup("p", [ValueError(1), ValueError(2), ExceptionGroup("q", [ValueError(3)])])
print(repr(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
print(repr(eg.split(lambda e: isinstance(e, ExceptionGroup) and e.message == "q")))
print(eg.subgroup(lambda e: False))
