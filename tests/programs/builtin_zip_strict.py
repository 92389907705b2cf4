print(list(zip([1, 2], "ab", strict=True)))
print(list(zip([1, 2], "abc")))
for args in (([1, 2], "a"), ([1], "ab"), ([1], [2], [3, 4]), ([1, 2], [3, 4], [5])):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
try:
    zip([1], bad=True)
except TypeError as e:
    print(e)
print(list(zip(strict=True)), list(zip([1], strict=False)))
def gen():
    yield 1
    raise KeyError("boom")
try:
    list(zip(gen(), [1, 2], strict=True))
except KeyError as e:
    print("KeyError", e)
z = zip("ab", [1, 2], strict=True)
print(next(z), next(z))
try:
    next(z)
except StopIteration:
    print("stop")
