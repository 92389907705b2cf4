# a running frame holds its function object, so a function sees itself once more per active call
import sys


def recurse(n):
    print('depth', n, sys.getrefcount(recurse))
    if n < 3:
        recurse(n + 1)


def helper():
    print('helper while running:', sys.getrefcount(helper))


def caller():
    helper()
    print('caller while running:', sys.getrefcount(caller), sys.getrefcount(helper))


print('recurse at module level:', sys.getrefcount(recurse))
recurse(0)
print('recurse after calls:', sys.getrefcount(recurse))
caller()


class K:
    def method(self):
        print('method function while running:', sys.getrefcount(K.method))


print('method function not running:', sys.getrefcount(K.method))
K().method()
