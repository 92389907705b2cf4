import sys

def leave(n):
    print("leaving with status", n)
    sys.exit(n)

leave(3)
print("never printed")
