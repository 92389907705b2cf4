import sys, time
vi = sys.version_info
print(vi)
print(vi.major, vi.minor, vi[:2], vi >= (3, 8), vi.releaselevel, len(vi), type(vi).__name__)
print(sys.implementation.name, sys.implementation.version.major, sys.hexversion >= 0x030B0000)
print("Python %d.%d" % vi[:2], f"{vi.major}.{vi.minor}")
major, minor, *rest = vi
print(major, minor, rest)
t = time.gmtime(0)
print(t)
print(t.tm_year, t[0], time.struct_time.n_fields, time.struct_time.n_sequence_fields, type(t).__name__)
print(repr(time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0))))
print(isinstance(vi, tuple), vi == (3, 11, 2, 'final', 0), hash(vi) == hash((3, 11, 2, 'final', 0)))
