# a tree whose nodes point back at their parents: the whole tree is one
# strongly connected heap the collector frees together (nodes and child lists)
import gc

class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)

def build():
    root = Node('root')
    for i in range(3):
        child = Node(f'c{i}', root)
        for j in range(2):
            Node(f'c{i}.{j}', child)
    return root

gc.collect()
t = build()
del t
print('collected', gc.collect())
