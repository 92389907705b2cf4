import random
random.choices("abc", weights=[1, 2])
