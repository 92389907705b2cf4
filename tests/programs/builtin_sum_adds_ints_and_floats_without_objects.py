# sum() as builtin_sum_impl: the iterator first, then the start; exact
# ints and bools, then floats, are added in C and the sum is made an
# object once at the end (tracemalloc sees one int, not one per item);
# other items by +.
import tracemalloc

for args in [(5, ""), ([1], ""), ([b"a"], b""), ([1], bytearray()), ([True, True, 2],), ([1, 2.5, 3],),
             ([0.5, True, 2],), ([1, "a"],), ([], 7), ([], 1.5)]:
    try:
        print(sum(*args))
    except TypeError as e:
        print("TypeError:", e)
print(sum([[1], [2]], []), sum(((1,), (2,)), ()), sum([1.5, 2**40, 3]), sum([2**62, 2**62 - 1]))
print(sum(range(10**4)), sum(x * x for x in range(1000)), sum([0.1] * 10))

nums = list(range(1000))
res = []
tracemalloc.start()
def m(label):
    c, p = tracemalloc.get_traced_memory()
    res.append((label, c, p))
    tracemalloc.reset_peak()
m("start")
s = sum(nums)
m("sum list")
s = sum(x * x for x in range(1000))
m("sum gen")
s = sum(range(10**4))
m("sum range")
s = None
m("freed")
t = sum([[1], [2]], [])
m("sum lists")
tracemalloc.stop()
for r in res:
    print(*r)
