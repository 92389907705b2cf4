import copy, gc
class A: pass
def m(label, f):
    gc.collect()
    c0 = gc.get_count()[0]
    r = f()
    c1 = gc.get_count()[0]
    print(label, c1 - c0)
m("list0", lambda: copy.deepcopy([]))
m("list1", lambda: copy.deepcopy([[1]]))
m("dict0", lambda: copy.deepcopy({}))
m("dict1", lambda: copy.deepcopy({1: 2}))
m("tuple", lambda: copy.deepcopy((1, [2])))
m("tupleatom", lambda: copy.deepcopy((1, 2)))

m("inst", lambda: copy.deepcopy(A()))
a = A(); a.x = 1
