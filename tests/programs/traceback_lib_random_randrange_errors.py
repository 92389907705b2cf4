import random
for args in [(0,), (5, 2), (0, 10, 0), (0, 10, -1)]:
    try:
        random.randrange(*args)
    except ValueError as e:
        print(args, e)
random.randrange(5, step=2)
