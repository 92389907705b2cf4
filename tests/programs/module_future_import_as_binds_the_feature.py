from __future__ import division as d, annotations
import __future__ as fut
print(d, fut.annotations is annotations)
print(fut._Feature((1, 0), None, 5), fut._Feature)
try:
    fut._Feature(1, 2)
except TypeError as e:
    print(e)
