# A teaching program: a traffic light as a state machine driven by an Enum.
from enum import Enum, auto


class Light(Enum):
    RED = auto()
    GREEN = auto()
    YELLOW = auto()

    def next(self):
        order = list(Light)
        return order[(order.index(self) + 1) % len(order)]

    @property
    def seconds(self):
        return {Light.RED: 30, Light.GREEN: 25, Light.YELLOW: 5}[self]

    def can_go(self):
        return self is Light.GREEN


class Intersection:
    def __init__(self):
        self.state = Light.RED
        self.log = []

    def tick(self):
        self.log.append((self.state.name, self.state.seconds))
        self.state = self.state.next()


crossing = Intersection()
for _ in range(7):
    print(f"{crossing.state.name:<6} go={crossing.state.can_go()} for {crossing.state.seconds}s")
    crossing.tick()
print(crossing.log)
total = sum(s for _, s in crossing.log)
print("total seconds:", total)
print("cycle:", " -> ".join(light.name for light in Light))
counts = {}
for name, _ in crossing.log:
    counts[Light[name]] = counts.get(Light[name], 0) + 1
print(counts)
print(Light(2), Light.YELLOW.value)
