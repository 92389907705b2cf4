import sys
print(sys.argv, type(sys.argv), len(sys.argv))
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.int_info, sys.int_info.bits_per_digit)
print(sys.exc_info())
try:
    1 / 0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t, v, type(tb).__name__, tb.tb_lineno)
print(sys.exc_info())
def show():
    return sys.exc_info()[0]
try:
    {}["k"]
except KeyError:
    print(show())
