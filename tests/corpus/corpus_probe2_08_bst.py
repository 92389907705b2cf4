class BST:
    class _Node:
        def __init__(self, key, val):
            self.key, self.val = key, val
            self.left = self.right = None

    def __init__(self):
        self.root = None
        self.count = 0

    def insert(self, key, val=None):
        def _ins(node):
            if node is None:
                self.count += 1
                return BST._Node(key, val)
            if key < node.key:
                node.left = _ins(node.left)
            elif key > node.key:
                node.right = _ins(node.right)
            else:
                node.val = val
            return node
        self.root = _ins(self.root)

    def inorder(self, node="start"):
        if node == "start":
            node = self.root
        if node is None:
            return []
        return self.inorder(node.left) + [node.key] + self.inorder(node.right)

    def height(self, node="start"):
        if node == "start":
            node = self.root
        if node is None:
            return 0
        return 1 + max(self.height(node.left), self.height(node.right))

    def find(self, key):
        n = self.root
        while n:
            if key == n.key: return n.val
            n = n.left if key < n.key else n.right
        raise KeyError(key)

    def delete(self, key):
        def _del(node, key):
            if node is None:
                return None
            if key < node.key:
                node.left = _del(node.left, key)
            elif key > node.key:
                node.right = _del(node.right, key)
            else:
                if node.left is None: return node.right
                if node.right is None: return node.left
                succ = node.right
                while succ.left: succ = succ.left
                node.key, node.val = succ.key, succ.val
                node.right = _del(node.right, succ.key)
            return node
        self.root = _del(self.root, key)

t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k, str(k) * 2)
print(t.inorder(), t.height(), t.count)
print(t.find(45))
t.delete(30); t.delete(50)
print(t.inorder(), t.height())
print(t.root.key, t.root.left.key)
try:
    t.find(99)
except KeyError as e:
    print("missing", e, repr(e))
t.find(30)
