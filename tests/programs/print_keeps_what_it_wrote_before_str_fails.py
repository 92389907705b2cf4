class Bad:
    def __str__(self):
        raise ValueError("no")
try:
    print(1, Bad(), 3)
except ValueError:
    print("|caught")
