# a ring of ten nodes is collected in one pass; breaking it by hand frees it by refcount
import gc

class Node:
    pass

def ring(n):
    first = Node()
    cur = first
    for i in range(n - 1):
        nxt = Node()
        cur.next = nxt
        cur = nxt
    cur.next = first
    return first

gc.collect()
r = ring(10)
del r
print('ring of 10', gc.collect())
r = ring(5)
r.next.next.next.next.next = None
del r
print('ring broken by hand', gc.collect())
