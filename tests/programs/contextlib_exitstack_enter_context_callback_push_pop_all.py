from contextlib import ExitStack, suppress, contextmanager
import gc, sys

class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("close", self.name, et.__name__ if et else None)
        return False

with ExitStack() as stack:
    files = [stack.enter_context(Resource(n)) for n in ("a", "b", "c")]
    stack.callback(print, "callback ran", sep="|")
    print("working with", [f.name for f in files])
print("after")

try:
    with ExitStack() as stack:
        stack.enter_context(Resource("x"))
        stack.push(lambda *exc: print("push saw", exc[0].__name__) or False)
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)

with ExitStack() as stack:
    stack.push(lambda *exc: True)
    raise KeyError("swallowed")
print("swallowed ok")

def cleanup(tag):
    print("cleanup", tag)
    raise RuntimeError("in cleanup " + tag)

try:
    with ExitStack() as stack:
        stack.callback(cleanup, "first")
        stack.callback(cleanup, "second")
        raise ValueError("original")
except RuntimeError as e:
    print("final:", e, "| context:", repr(e.__context__), "| its context:", repr(e.__context__.__context__))

with ExitStack() as outer:
    r = outer.enter_context(Resource("kept"))
    moved = outer.pop_all()
print("outer done")
moved.close()

s = ExitStack()
print(type(s).__name__, s.callback(print, "closing s") is print)
try:
    s.enter_context(42)
except TypeError as e:
    print(e)
s.close()
