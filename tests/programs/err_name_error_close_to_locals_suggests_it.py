# A misspelt name close to the builtin locals: CPython 3.11 suggests it.
def foo():
    local_y[1] = 2
foo()
