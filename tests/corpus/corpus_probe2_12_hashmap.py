class HashMap:
    """Separate chaining hash map - uses integer keys and tuples so it's deterministic"""
    def __init__(self, size=8):
        self.size = size
        self.buckets = [[] for _ in range(size)]
        self.n = 0

    def _index(self, key):
        return hash(key) % self.size

    def __setitem__(self, key, value):
        b = self.buckets[self._index(key)]
        for i, (k, v) in enumerate(b):
            if k == key:
                b[i] = (key, value)
                return
        b.append((key, value))
        self.n += 1
        if self.n / self.size > 0.75:
            self._resize()

    def __getitem__(self, key):
        for k, v in self.buckets[self._index(key)]:
            if k == key:
                return v
        raise KeyError(key)

    def __delitem__(self, key):
        b = self.buckets[self._index(key)]
        for i, (k, _) in enumerate(b):
            if k == key:
                del b[i]
                self.n -= 1
                return
        raise KeyError(key)

    def _resize(self):
        old = [kv for b in self.buckets for kv in b]
        self.size *= 2
        self.buckets = [[] for _ in range(self.size)]
        self.n = 0
        for k, v in old:
            self[k] = v

    def __len__(self):
        return self.n

    def __contains__(self, key):
        try:
            self[key]
            return True
        except KeyError:
            return False

    def items(self):
        return sorted(kv for b in self.buckets for kv in b)

h = HashMap()
for i in range(20):
    h[i * 3] = i ** 2
print(len(h), h.size, h[27], 28 in h, 27 in h)
del h[27]
print(len(h), 27 in h)
h[(1, 2)] = "tuple"
h[-1] = "neg"
h[2.0] = "float"
print(h[(1, 2)], h[-1], h[2], h[2.0])
print(h.items()[:5])
print(hash(-1), hash(-2), hash(2.0) == hash(2), hash(True), hash((1, 2)) == hash((1, 2)))
print(max(len(b) for b in h.buckets))
try:
    del h[1000]
except KeyError as e:
    print("KeyError", e)
print(hash(10**20) % 1000, hash(-10**20) % 1000, hash(1.5))
print(h[[1]])
