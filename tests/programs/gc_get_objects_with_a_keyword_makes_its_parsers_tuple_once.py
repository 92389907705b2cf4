# gc.get_objects(generation=None) and gc.collect(generation=2): the first
# call with a keyword makes the Argument Clinic parser's tuple of keyword
# names, a tracked tuple that lives on, so gc.get_objects() lists one more
# object after it (CPython's test_gc test_get_objects_arguments).
import gc

gc.disable()
gc.collect()


def lengths():
    gc.collect()
    a = len(gc.get_objects())
    b = len(gc.get_objects(generation=None))
    c = len(gc.get_objects())
    d = len(gc.get_objects(generation=None))
    return b - a, c - b, d - c


print(lengths())
print(lengths())


def collect_keyword():
    gc.collect()
    a = len(gc.get_objects())
    gc.collect(generation=2)
    b = len(gc.get_objects())
    gc.collect(generation=2)
    c = len(gc.get_objects())
    return b - a, c - b


print(collect_keyword())
print(collect_keyword())
print(len(gc.get_objects()) == len(gc.get_objects(generation=None)))
print(len(gc.get_objects(None)) == len(gc.get_objects(generation=None)))
for bad in ({'generation': 1000}, {'generation': -1}, {'generation': '1'}, {'gen': 1}):
    try:
        gc.get_objects(**bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(len(gc.get_objects(generation=0)) <= len(gc.get_objects()))
