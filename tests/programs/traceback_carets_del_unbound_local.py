def f():
    del z
    z = 1
f()
