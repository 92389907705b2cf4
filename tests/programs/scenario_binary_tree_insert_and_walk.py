# lesson scenario: a binary search tree built from nodes, walked recursively, then dropped
import sys


class Tree:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None

    def __del__(self):
        print('free', self.key)


def insert(root, key):
    if root is None:
        return Tree(key)
    if key < root.key:
        root.left = insert(root.left, key)
    else:
        root.right = insert(root.right, key)
    return root


def walk(node, out):
    if node is not None:
        walk(node.left, out)
        out.append(node.key)
        walk(node.right, out)
    return out


def height(node):
    if node is None:
        return 0
    return 1 + max(height(node.left), height(node.right))


root = None
for k in [50, 30, 70, 20, 40, 60, 80]:
    root = insert(root, k)
print('in order', walk(root, []))
print('height', height(root))
print('root refcount', sys.getrefcount(root))
print('left child refcount', sys.getrefcount(root.left))
print('pruning the left subtree')
root.left = None
print('in order', walk(root, []))
print('dropping the tree')
root = None
print('end')
