e = None
for i in range(2000):
    try:
        try:
            raise e or ValueError(0)
        except BaseException:
            raise KeyError(i)
    except KeyError as x:
        e = x
raise e
