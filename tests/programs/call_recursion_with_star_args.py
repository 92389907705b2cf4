# forwarding *args/**kwargs through wrappers keeps order and values
def trace(fn):
    def wrapper(*args, **kwargs):
        print('call', fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print('ret', result)
        return result
    return wrapper


def add(a, b, scale=1):
    return (a + b) * scale


traced = trace(add)
traced(1, 2)
traced(1, b=5, scale=3)


def total(*nums):
    if not nums:
        return 0
    return nums[0] + total(*nums[1:])


print(total(1, 2, 3, 4))


def merge(**parts):
    return ''.join(k + '=' + str(v) + ';' for k, v in parts.items())


print(merge(z=1, a=2, m=3))
print(traced.__name__, traced.__qualname__)
del traced
