# ints: 24 + 4 bytes per 30-bit digit (at least one); the singletons; floats
import sys

size = sys.getsizeof
print("small:", size(0), size(1), size(-1), size(255), size(256), size(257))
print("digits:", size(2 ** 30 - 1), size(2 ** 30), size(2 ** 60 - 1), size(2 ** 60), size(-2 ** 60), size(2 ** 62))
print("big:", size(9223372036854775807), size(-9223372036854775807 - 1))
print("bool:", size(True), size(False), "None:", size(None), "...:", size(...), "NotImplemented:", size(NotImplemented))
print("float:", size(1.5), size(0.0), size(-1e300), size(float('inf')))
print("complex numbers of digits:", [size(10 ** k) for k in range(0, 19, 3)])
print("arithmetic:", size(3 * 1000000000), size(2 ** 31 + 1), size(7 // 2), size(-(2 ** 40)))
print("object():", size(object()), "range:", size(range(10)), size(range(10 ** 15)), "slice:", size(slice(1, 2)))
