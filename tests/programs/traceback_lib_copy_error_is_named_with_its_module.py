import copy
try:
    raise copy.Error("x")
except copy.Error as e:
    print(repr(e), type(e).__module__)
raise copy.Error("again")
