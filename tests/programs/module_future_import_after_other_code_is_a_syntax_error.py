import gc
print("never printed")
from __future__ import division
