import random

def pick(items):
    return random.choice(items)

print(pick([1, 2, 3]) in [1, 2, 3])
pick([])
