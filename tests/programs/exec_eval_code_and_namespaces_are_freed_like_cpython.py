# What exec() and eval() leave behind: the compiled code goes when the call
# returns, the namespaces hold what the string bound, a function defined in
# the string holds its globals dict (a cycle once the dict holds it), and
# an exception raised in the string has a '<string>' frame in its traceback.
import gc, sys
gc.collect()
gc.disable()
ns = {}
exec("class Node:\n    pass\nn = Node()\nn.me = n", ns)
print(sys.getrefcount(ns["n"]), sorted(k for k in ns if k != "__builtins__"))
del ns
print("collected", gc.collect())
data = [1, 2, 3]
before = sys.getrefcount(data)
for i in range(50):
    eval("data")
    exec("tmp = data")
print(sys.getrefcount(data) - before)
del tmp
print(sys.getrefcount(data) - before)
def runner():
    exec("def inner():\n    return 42\nres = inner()")
    return sorted(locals())
print(runner())
print("collected", gc.collect())
try:
    exec("def boom():\n    raise ValueError('in string')\nboom()")
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_filename, tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names[1:])
    del tb, e
print("collected", gc.collect())
exec("raise KeyError('uncaught from exec')")
