# dict.update copies references from another dict; clear releases all values
import sys

shared = [1]
solo = {'x': 1}
src = {'a': shared, 'b': solo}
dst = {'a': [0]}
dst.update(src)
print('shared in two dicts:', sys.getrefcount(shared))
print('solo in two dicts:', sys.getrefcount(solo))
dst.update({'c': shared})
print('shared after second update:', sys.getrefcount(shared))
dst.update(c=solo)
print('shared after c overwritten by keyword update:', sys.getrefcount(shared))
print('solo after keyword update:', sys.getrefcount(solo))
print('keys:', list(dst.keys()))
dst.clear()
print('after dst.clear():', sys.getrefcount(shared), sys.getrefcount(solo))
print('dst is empty:', dst, len(dst))
src.clear()
print('after src.clear():', sys.getrefcount(shared), sys.getrefcount(solo))
