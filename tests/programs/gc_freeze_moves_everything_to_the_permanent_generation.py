# gc.freeze() moves every tracked object to the permanent generation
import gc

gc.collect()
a = []
a.append(a)
gc.freeze()
frozen = gc.get_freeze_count()
sizes = [len(gc.get_objects(g)) for g in range(3)]
count = gc.get_count()
del a
collected = gc.collect()
b = []
b_young = any(x is b for x in gc.get_objects(0))
gc.unfreeze()
after = gc.get_freeze_count()
again = gc.collect()
print('frozen some objects:', frozen > 0)
print('generations right after freeze:', sizes)
print('count right after freeze:', count)
print('a frozen cycle is not collected:', collected)
print('new objects still go to generation 0:', b_young)
print('after unfreeze:', after)
print('the cycle is collectable again:', again)
