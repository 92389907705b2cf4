counter = 0

def increment():
    global counter
    counter += 1

for _ in range(5):
    increment()
print(counter)

def broken():
    try:
        counter += 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
broken()

def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "changed by inner"
    def reader():
        return x
    print(reader())
    inner()
    print(x, reader())
outer()

x = "global"
def shadow():
    x = "local"
    print(x, globals()["x"])
shadow()

def make_multiplier_list():
    return [lambda v, n=n: v * n for n in range(1, 4)]
print([f(10) for f in make_multiplier_list()])

def acc():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    def get():
        return total
    return add, get
add, get = acc()
add(5); add(7)
print(get(), add.__code__.co_freevars, get.__closure__[0].cell_contents)

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.count = Counter.count * 10
c1, c2 = Counter(), Counter()
print(Counter.count, c1.count, c2.count)
del c1.count
print(c1.count)

def f():
    print(y_later)
y_later = "defined later"
f()

def g():
    return undefined_name
try:
    g()
except NameError as e:
    print("NameError:", e)

def h():
    print(z)
    z = 1
try:
    h()
except UnboundLocalError as e:
    print("UnboundLocalError:", e, isinstance(e, NameError))

print(sorted(k for k in locals() if not k.startswith("__"))[:6])
lam = lambda: counter
counter = 99
print(lam())
def nested_levels():
    a = 1
    def l2():
        b = 2
        def l3():
            nonlocal a
            a += b
            return a
        return l3
    return l2()()
print(nested_levels())
i = "outside"
[i for i in range(3)]
print(i)
for i in range(2):
    pass
print(i)
if True:
    block_var = "visible"
print(block_var)
print(unknown_var)
