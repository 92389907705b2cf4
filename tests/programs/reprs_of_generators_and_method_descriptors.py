import re


def strip(r):
    return re.sub(r"0x[0-9a-f]+", "0x?", r)


def countdown(n):
    while n:
        yield n
        n -= 1


class C:
    @staticmethod
    def s():
        pass

    @classmethod
    def c(cls):
        pass

    def gen_method(self):
        yield self


for o in [countdown(3), (x for x in []), C().gen_method(), C.__dict__["s"], C.__dict__["c"], C.c]:
    print(strip(repr(o)))
g = countdown(2)
print(list(g), strip(str(g)), g.__name__, g.__qualname__)
