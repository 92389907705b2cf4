class BST:
    class _Node:
        __slots__ = ("key", "left", "right")
        def __init__(self, key):
            self.key = key
            self.left = self.right = None

    def __init__(self):
        self.root = None

    def insert(self, key):
        def _ins(node, key):
            if node is None:
                return BST._Node(key)
            if key < node.key:
                node.left = _ins(node.left, key)
            elif key > node.key:
                node.right = _ins(node.right, key)
            return node
        self.root = _ins(self.root, key)

    def inorder(self):
        def walk(n):
            if n:
                yield from walk(n.left)
                yield n.key
                yield from walk(n.right)
        return list(walk(self.root))

    def height(self, node="start"):
        if node == "start":
            node = self.root
        if node is None:
            return 0
        return 1 + max(self.height(node.left), self.height(node.right))

    def bfs(self):
        from collections import deque
        q = deque([self.root]) if self.root else deque()
        levels = []
        while q:
            level = []
            for _ in range(len(q)):
                n = q.popleft()
                level.append(n.key)
                if n.left: q.append(n.left)
                if n.right: q.append(n.right)
            levels.append(level)
        return levels

    def pretty(self, node=None, prefix="", is_left=True, first=True):
        if first:
            node = self.root
        if node is None:
            return
        if node.right:
            self.pretty(node.right, prefix + ("│   " if is_left else "    "), False, False)
        print(prefix + ("└── " if is_left else "┌── ") + str(node.key))
        if node.left:
            self.pretty(node.left, prefix + ("    " if is_left else "│   "), True, False)

t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k)
print("inorder:", t.inorder())
print("height:", t.height())
print("levels:", t.bfs())
t.pretty()
n = BST._Node(1)
try:
    n.foo = 3
except AttributeError as e:
    print("AttributeError:", e)
print(BST._Node.__slots__, BST._Node.__qualname__)
