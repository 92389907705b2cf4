# hasattr, getattr (with default) and setattr on instances and classes
class Config:
    color = 'blue'

    def __init__(self):
        self.size = 3


c = Config()
print(hasattr(c, 'size'), hasattr(c, 'color'), hasattr(c, 'weight'))
print(getattr(c, 'size'), getattr(c, 'color'), getattr(c, 'weight', 'none'))
setattr(c, 'weight', 70)
print(hasattr(c, 'weight'), c.weight)
name = 'dyn' + 'amic'
setattr(c, name, [1, 2])
print(getattr(c, name), c.dynamic)
setattr(Config, 'shared', 'yes')
print(c.shared, Config().shared)
setattr(c, 'color', 'red')
print(c.color, Config.color)
print(hasattr([], 'append'), hasattr([], 'push'), hasattr('s', 'upper'))
print(getattr('abc', 'upper')())
fields = ['size', 'weight', 'color']
for f in fields:
    print(f, getattr(c, f))
