# an uncaught error from random ends the program as in CPython
import random
random.seed(1)
print(random.choice([1, 2, 3]))
print(random.choice([]))
