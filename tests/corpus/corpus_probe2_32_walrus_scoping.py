import random
random.seed(7)

data = [random.randint(1, 100) for _ in range(12)]
print(data)
if (n := len(data)) > 10:
    print(f"list is too long ({n} elements, expected <= 10)")

filtered = [y for x in data if (y := x * 2) > 100]
print(filtered, y)

chunks = iter(["alpha", "beta", "", "gamma"])
while (chunk := next(chunks)):
    print("chunk", chunk)

def stats(values):
    return (total := sum(values)), total / len(values)
print(stats([3, 4, 5]))

counter = 0
def increment():
    global counter
    counter += 1
for _ in range(5):
    increment()
print(counter)

def scope_test():
    def do_local():
        spam = "local spam"
    def do_nonlocal():
        nonlocal spam
        spam = "nonlocal spam"
    def do_global():
        global spam
        spam = "global spam"
    spam = "test spam"
    do_local()
    print("After local assignment:", spam)
    do_nonlocal()
    print("After nonlocal assignment:", spam)
    do_global()
    print("After global assignment:", spam)

scope_test()
print("In global scope:", spam)

x = "global x"
def f():
    print(x)
f()
def g():
    x = "local x"
    def h():
        return x
    return h()
print(g())
print([(a := i) for i in range(3)], a)
print(sorted(k for k in locals() if not k.startswith("_"))[:8])
class C:
    val = 10
    items = [val for _ in range(2)] if False else None
    def method(self):
        return val
print(C.val, C.items)
C().method()
