from collections import OrderedDict

class LRUCache:
    def __init__(self, capacity):
        self.cap = capacity
        self.data = OrderedDict()
        self.hits = self.misses = 0
    def get(self, key):
        if key not in self.data:
            self.misses += 1
            return -1
        self.data.move_to_end(key)
        self.hits += 1
        return self.data[key]
    def put(self, key, value):
        if key in self.data:
            self.data.move_to_end(key)
        self.data[key] = value
        if len(self.data) > self.cap:
            evicted = self.data.popitem(last=False)
            print("evict", evicted)
    def __repr__(self):
        return f"LRU({list(self.data.items())})"

c = LRUCache(2)
c.put(1, "a"); c.put(2, "b")
print(c.get(1))
c.put(3, "c")
print(c.get(2), c, c.hits, c.misses)

class HashTable:
    def __init__(self, size=8):
        self.size = size
        self.buckets = [[] for _ in range(size)]
        self.count = 0
    def _idx(self, key):
        h = 0
        for ch in str(key):
            h = (h * 31 + ord(ch)) % (2 ** 32)
        return h % self.size
    def __setitem__(self, key, value):
        b = self.buckets[self._idx(key)]
        for i, (k, _) in enumerate(b):
            if k == key:
                b[i] = (key, value)
                return
        b.append((key, value))
        self.count += 1
        if self.count / self.size > 0.75:
            self._resize()
    def __getitem__(self, key):
        for k, v in self.buckets[self._idx(key)]:
            if k == key:
                return v
        raise KeyError(key)
    def __delitem__(self, key):
        b = self.buckets[self._idx(key)]
        for i, (k, _) in enumerate(b):
            if k == key:
                del b[i]
                self.count -= 1
                return
        raise KeyError(key)
    def _resize(self):
        old = [kv for b in self.buckets for kv in b]
        self.size *= 2
        self.buckets = [[] for _ in range(self.size)]
        self.count = 0
        for k, v in old:
            self[k] = v
    def __len__(self):
        return self.count
    def __contains__(self, key):
        try:
            self[key]
            return True
        except KeyError:
            return False
    def items(self):
        return [kv for b in self.buckets for kv in b]

ht = HashTable()
for i, w in enumerate("the quick brown fox jumps over lazy dogs again".split()):
    ht[w] = i
print(len(ht), ht.size, ht["fox"], "cat" in ht, "dogs" in ht)
del ht["the"]
print(sorted(ht.items()))
print([len(b) for b in ht.buckets])
try:
    ht["missing"]
except KeyError as e:
    print("KeyError:", e)

class TrieNode:
    def __init__(self):
        self.children = {}
        self.end = False
class Trie:
    def __init__(self):
        self.root = TrieNode()
    def insert(self, w):
        n = self.root
        for ch in w:
            n = n.children.setdefault(ch, TrieNode())
        n.end = True
    def starts_with(self, prefix):
        n = self.root
        for ch in prefix:
            if ch not in n.children:
                return []
            n = n.children[ch]
        out = []
        def walk(node, acc):
            if node.end:
                out.append(acc)
            for ch in sorted(node.children):
                walk(node.children[ch], acc + ch)
        walk(n, prefix)
        return out
t = Trie()
for w in ["car", "cart", "care", "cat", "dog", "do", "door"]:
    t.insert(w)
print(t.starts_with("ca"), t.starts_with("do"), t.starts_with("x"), t.starts_with(""))
del ht["nope"]
