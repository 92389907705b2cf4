# an instance holding its own bound method is a cycle; so is a manager keeping its own exit
import gc
import sys

gc.collect()


class Button:
    def __init__(self):
        self.handler = self.click

    def click(self):
        return 'clicked'


b = Button()
print('instance refcount with its bound method:', sys.getrefcount(b))
print(b.handler())
del b
print('button cycle:', gc.collect())


class Ctx:
    def __enter__(self):
        self.me = self
        return self

    def __exit__(self, *exc):
        return False


with Ctx() as c:
    pass
del c
print('manager that references itself:', gc.collect())
print('empty:', gc.collect())
