import sys
print(sys.get_int_max_str_digits())
big = 10 ** 5000
try:
    print(len(str(big)))
except ValueError as e:
    print("ValueError:", e)
for v in (100, -1, 640, 0, 'x', 2**70):
    try:
        sys.set_int_max_str_digits(v)
        print('ok', v, sys.get_int_max_str_digits())
    except Exception as e:
        print(type(e).__name__, e)
print(len(str(big)), len(str(-big)), int("9" * 6000) % 1000)
sys.set_int_max_str_digits(maxdigits=5000)
try:
    int("1" * 5001)
except ValueError as e:
    print("ValueError:", e)
print(len(str(10 ** 4999)))
try:
    str(10 ** 5000)
except ValueError as e:
    print("ValueError:", e)
try:
    sys.set_int_max_str_digits()
except TypeError as e:
    print("TypeError:", e)
sys.set_int_max_str_digits(4300)
print(hex(10 ** 5000)[:10], f"{10**4299:d}"[:5])
