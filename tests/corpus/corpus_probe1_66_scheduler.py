from collections import deque

def worker(name, n):
    for i in range(n):
        msg = yield f"{name} step {i}"
        if msg:
            print(f"  {name} got {msg!r}")
    return f"{name} finished"

class Scheduler:
    def __init__(self):
        self.ready = deque()
        self.results = {}
        self.tick = 0
    def spawn(self, name, gen):
        self.ready.append((name, gen, None))
    def run(self):
        while self.ready:
            name, gen, msg = self.ready.popleft()
            self.tick += 1
            try:
                out = gen.send(msg)
                print(f"[{self.tick:02}] {out}")
                self.ready.append((name, gen, "ping" if self.tick % 4 == 0 else None))
            except StopIteration as stop:
                self.results[name] = stop.value
                print(f"[{self.tick:02}] {name} done -> {stop.value}")

s = Scheduler()
s.spawn("A", worker("A", 3))
s.spawn("B", worker("B", 1))
s.spawn("C", worker("C", 2))
s.run()
print(s.results)

def producer(items, consumer):
    next(consumer)
    for it in items:
        consumer.send(it)
    consumer.close()

def consumer():
    total = 0
    try:
        while True:
            item = yield
            total += item
            print(f"consumed {item}, total={total}")
    except GeneratorExit:
        print("consumer closing, total", total)

producer([3, 4, 5], consumer())
gen = worker("Z", 1)
print(next(gen))
try:
    gen.send(None)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
print(gen.gi_running, gen.gi_frame)
def bad():
    yield 1
    raise StopIteration("inner")
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
