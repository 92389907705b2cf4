# dicts that came to hold only atomic values are untracked by full collections
import gc

gc.collect()
d = {'k': []}
d['k'] = 5
print('tracked after replacing the list', gc.is_tracked(d))
gc.collect(0)
print('after collect(0)', gc.is_tracked(d))
gc.collect(1)
print('after collect(1)', gc.is_tracked(d))
gc.collect(2)
print('after collect(2)', gc.is_tracked(d))
e = {'k': {}}
gc.collect()
print('dict holding an empty dict stays tracked', gc.is_tracked(e))
