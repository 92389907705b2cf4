class B:
    n = 0
b = B()
b.n += "s"
