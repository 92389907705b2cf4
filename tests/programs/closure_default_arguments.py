# defaults are evaluated once at def time and shared between calls
import sys


def append_to(x, bucket=[]):
    bucket.append(x)
    return bucket


print(append_to(1), append_to(2))
print(append_to.__defaults__)


def safe_append(x, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(x)
    return bucket


print(safe_append(1), safe_append(2))
shared = [0]


def uses_default(a=shared):
    return sys.getrefcount(a)


print('default held by function:', sys.getrefcount(shared))
print('inside call:', uses_default())
print('explicit argument:', uses_default(shared))
del uses_default
print('after del function:', sys.getrefcount(shared))
n = 5


def snapshot(v=n):
    return v


n = 6
print(snapshot(), snapshot(n))
print(snapshot.__defaults__, append_to.__kwdefaults__)
