# get_referents lists what an object refers to; get_referrers who refers to it
import gc

class Box:
    pass

target = [1, 2]
holder = {'t': target}
pair = (target, 'x')
box = Box()
box.item = target
refs = gc.get_referrers(target)
print('holders found:', holder in refs, any(r is pair for r in refs), any(r is box for r in refs))
print('referents of the dict:', gc.get_referents(holder) == ['t', target])
print('referents of the list:', gc.get_referents(target))
print('instance refers to its class too:', Box in gc.get_referents(box))
print('atomic objects have none:', gc.get_referents(5, 'x'))
print('instances are referrers of their class:', any(r is box for r in gc.get_referrers(Box)))
