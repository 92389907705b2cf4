def show(*args, **kwargs):
    print("args:", args, "kwargs:", kwargs)

show()
show(1, 2, a=3)
show(*[1, 2], *"ab", **{"x": 1}, y=2)

def kwonly(a, b=2, *, c, d=4):
    return a, b, c, d
print(kwonly(1, c=3), kwonly(1, 5, c=6, d=7))

def posonly(a, b, /, c, *, d):
    return a + b + c + d
print(posonly(1, 2, 3, d=4), posonly(1, 2, c=3, d=4))

for call in [lambda: kwonly(1, 2, 3), lambda: kwonly(1), lambda: posonly(a=1, b=2, c=3, d=4),
             lambda: show(**{1: 2}), lambda: kwonly(1, c=1, e=5), lambda: kwonly(1, a=1, c=2),
             lambda: (lambda x, y: x)(1), lambda: (lambda: 0)(1), lambda: posonly(1, 2, 3, 4)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
(a, b), c = (1, 2), 3
print(a, b, c)
head, *_ = [9]
print(head, _)
merged = {**{"a": 1, "b": 2}, **{"b": 3}, "c": 4}
print(merged, [*range(3), *"xy"], (*[1], 2), {*"aab"} == {"a", "b"})

def total(*nums, start=0):
    return sum(nums, start)
print(total(1, 2, 3), total(1, 2, start=10), total())

def make_tag(tag, /, content="", **attrs):
    attr_s = "".join(f' {k}="{v}"' for k, v in attrs.items())
    return f"<{tag}{attr_s}>{content}</{tag}>"
print(make_tag("a", "link", href="/x", cls="btn"))
print(make_tag("p", tag="ignored"))

def apply(f, *a, **k):
    return f(*a, **k)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1], reverse=True), apply(dict, a=1))
print(kwonly.__defaults__, kwonly.__kwdefaults__, kwonly.__code__.co_argcount, kwonly.__code__.co_kwonlyargcount)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    x, *y, z = [1]
except ValueError as e:
    print(e)
print(*[1, 2, 3], sep=" | ", end=" <\n")
print("no newline", end="")
print()
print(1, 2, sep="")
kwonly(1, 2)
