import sys
print(sys.modules["os"])
