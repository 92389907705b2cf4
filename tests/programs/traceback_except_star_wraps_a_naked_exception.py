def f():
    raise ValueError("naked")
try:
    f()
except* ValueError as e:
    print(e.__traceback__ is not None)
    raise
