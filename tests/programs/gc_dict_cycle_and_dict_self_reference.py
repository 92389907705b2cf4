# dicts in cycles: a dict holding itself, and two dicts holding each other
import gc

gc.collect()
d = {}
d['me'] = d
del d
print('self-referencing dict', gc.collect())
x = {'name': 'x'}
y = {'name': 'y', 'peer': x}
x['peer'] = y
del x, y
print('pair of dicts', gc.collect())
