# gc.get_objects() grows by the new tracked containers, not by atomic values
import gc

class Item:
    pass

gc.collect()
before = len(gc.get_objects())
stuff = [[], {}, Item(), (1, 2), 'text', 42, {'k': 1}, {'k': []}]
after = len(gc.get_objects())
print('new tracked objects:', after - before)
