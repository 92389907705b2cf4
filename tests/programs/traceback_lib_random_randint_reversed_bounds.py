import random
random.seed(3)
print(random.randint(1, 6))
random.randint(6, 1)
