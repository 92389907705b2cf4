# The classic sandbox escape: look among object's subclasses for one whose
# module reaches os (CPython's os._wrap_close).  gcscope lists only the
# program's own classes: nothing there leads outside.
subs = ().__class__.__base__.__subclasses__()
print(len(subs))
wrap = [c for c in subs if c.__name__ == "_wrap_close"][0]
print(wrap.__init__.__globals__["system"])
