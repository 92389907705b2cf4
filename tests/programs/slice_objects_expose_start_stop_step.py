class R:
    def __init__(self, data): self.data = data
    def __getitem__(self, k):
        if isinstance(k, slice):
            print("slice", k.start, k.stop, k.step, k.indices(len(self.data)))
            return R(self.data[k])
        return self.data[k]
    def __repr__(self): return f"R({self.data})"
r = R(list(range(10)))
print(r[2:8], r[::2], r[:-3:-1], r[5])
s = slice(1, None, 3); print(s.start, s.stop, s.step, s)
s2 = slice(4); print(s2.start, s2.stop, s2.step)
try: s.start = 3
except AttributeError as e: print(e)
