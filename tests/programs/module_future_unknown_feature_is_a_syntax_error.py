from __future__ import print_function, spam
print("never printed")
