# which generation holds an object, counted with gc.get_objects(g)
import gc

def gen_of(o):
    for g in range(3):
        for x in gc.get_objects(g):
            if x is o:
                return g
    return 'untracked'

gc.collect()
objs = [[], [], []]
print([gen_of(o) for o in objs])
gc.collect(0)
print([gen_of(o) for o in objs])
objs.append([])
print([gen_of(o) for o in objs])
gc.collect(1)
print([gen_of(o) for o in objs])
gc.collect()
print([gen_of(o) for o in objs])
print('objs itself', gen_of(objs))
print('an int', gen_of(5), 'a str', gen_of('text'))
