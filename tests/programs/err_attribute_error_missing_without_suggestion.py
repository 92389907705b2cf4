# AttributeError for an attribute that was never set and has no near match
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print('x and y:', p.x, p.y)
del p.y
print('has y:', hasattr(p, 'y'))
print(p.zzzz_missing)
