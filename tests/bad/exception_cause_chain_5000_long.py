e = None
for i in range(5000):
    try:
        raise ValueError(i) from e
    except ValueError as x:
        e = x
raise e
