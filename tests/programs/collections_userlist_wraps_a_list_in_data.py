# UserList: a class wrapping a real list in .data; slices give UserLists,
# comparisons and + work against lists, subclasses add methods.
import collections, sys, gc
L = collections.UserList()
print(L, len(L), bool(L), type(L))
L.append(12); print(L, len(L), bool(L))
L[:] = [2, 3]; print(L, 3 in L)
L[1] = 5; print(L[1], L)
L2 = collections.UserList(L); print(L2 == L, L2 is L, L2.data is L.data)
L3 = collections.UserList(range(10)); print(L3[2:5], type(L3[2:5]), L3[:] == L3)
print(L + [1], [1] + L, L * 2, L3.index(4), L3.count(4))
L3.reverse(); L3.sort(); L3.pop(); L3.remove(0); L3.insert(0, -5); print(L3, list(L3))
L3 += [7]; print(L3, L3 < [1, 2], sorted(collections.UserList([3, 1])))
class Stack(collections.UserList):
    def push(self, x): self.append(x)
s = Stack(); s.push(1); print(s, s.data)
print(sys.getrefcount(L.data))
