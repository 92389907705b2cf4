class TrieNode:
    def __init__(self):
        self.children = {}
        self.end = False
        self.count = 0

class Trie:
    def __init__(self):
        self.root = TrieNode()

    def insert(self, word):
        node = self.root
        for ch in word:
            node = node.children.setdefault(ch, TrieNode())
            node.count += 1
        node.end = True

    def search(self, word):
        node = self._walk(word)
        return node is not None and node.end

    def starts_with(self, prefix):
        return self._walk(prefix) is not None

    def _walk(self, s):
        node = self.root
        for ch in s:
            node = node.children.get(ch)
            if node is None:
                return None
        return node

    def words(self, prefix=""):
        node = self._walk(prefix)
        out = []
        def rec(n, acc):
            if n.end:
                out.append(acc)
            for ch in sorted(n.children):
                rec(n.children[ch], acc + ch)
        if node:
            rec(node, prefix)
        return out

    def prefix_count(self, prefix):
        n = self._walk(prefix)
        return n.count if n else 0

t = Trie()
for w in "apple app application apt banana band bandana ban can cane".split():
    t.insert(w)
print(t.search("app"), t.search("appl"), t.starts_with("appl"), t.search("zzz"))
print(t.words("ap"))
print(t.words("ban"))
print(t.words())
print({p: t.prefix_count(p) for p in ["a", "ap", "ban", "c", "x"]})

def longest_common_prefix(words):
    if not words:
        return ""
    first, last = min(words), max(words)
    i = 0
    while i < len(first) and i < len(last) and first[i] == last[i]:
        i += 1
    return first[:i]
print(repr(longest_common_prefix(["flower", "flow", "flight"])))
print(repr(longest_common_prefix(["interview", "internet", "interval"])))
