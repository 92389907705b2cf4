def f():
    while True:
        try:
            f()
        except BaseException:
            continue
f()
