import random
try:
    random.sample({1, 2}, 1)
except TypeError as e:
    print(e)
random.sample([1, 2], 5)
