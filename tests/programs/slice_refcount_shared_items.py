# a slice is a new list sharing references to the same items
import sys

inner = [0]
outer = [inner, inner, inner, 'x']
print('inner in outer 3 times:', sys.getrefcount(inner))
part = outer[:2]
print('after slicing 2 of them:', sys.getrefcount(inner))
print('slice is a fresh list:', sys.getrefcount(part), part is outer)
rev = outer[::-1]
print('after a reversed copy:', sys.getrefcount(inner))
outer[0:3] = []
print('after removing from outer:', sys.getrefcount(inner))
del part, rev
print('after del copies:', sys.getrefcount(inner))
outer[1:1] = [inner] * 4
print('after inserting four:', sys.getrefcount(inner), len(outer))
del outer[:]
print('after clearing:', sys.getrefcount(inner), sys.getrefcount(outer))
