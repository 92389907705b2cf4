from enum import Enum, auto

class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    PAUSED = auto()
    STOPPED = auto()

class Event(Enum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    STOP = "stop"

TRANSITIONS = {
    (State.IDLE, Event.START): State.RUNNING,
    (State.RUNNING, Event.PAUSE): State.PAUSED,
    (State.PAUSED, Event.RESUME): State.RUNNING,
    (State.RUNNING, Event.STOP): State.STOPPED,
    (State.PAUSED, Event.STOP): State.STOPPED,
}

class InvalidTransition(Exception):
    def __init__(self, state, event):
        super().__init__(f"cannot {event.value} while {state.name}")

class Machine:
    def __init__(self):
        self.state = State.IDLE
        self.listeners = []
        self.history = [self.state]
    def on_change(self, fn):
        self.listeners.append(fn)
        return fn
    def fire(self, event):
        key = (self.state, event)
        if key not in TRANSITIONS:
            raise InvalidTransition(*key)
        old, self.state = self.state, TRANSITIONS[key]
        self.history.append(self.state)
        for fn in self.listeners:
            fn(old, self.state)

m = Machine()
@m.on_change
def log(old, new):
    print(f"  {old.name:>8} -> {new.name}")
counts = {}
@m.on_change
def count(old, new):
    counts[new] = counts.get(new, 0) + 1

for ev in ["start", "pause", "pause", "resume", "pause", "resume", "stop", "start"]:
    try:
        print(f"event {ev}")
        m.fire(Event(ev))
    except InvalidTransition as e:
        print("  error:", e)
print([s.name for s in m.history])
print({k.name: v for k, v in counts.items()})
print(State.RUNNING.value, State(2), list(State)[-1], State.PAUSED in TRANSITIONS.values())
print(sorted(State, key=lambda s: s.name), Event("stop") is Event.STOP)
print(repr(Event.PAUSE), str(Event.PAUSE), f"{State.IDLE}", f"{Event.START!s}", Event.START.name)
print([e.value for e in Event], Event.__members__.keys(), len(State.__members__))
light = {"green": "yellow", "yellow": "red", "red": "green"}
cur = "red"
seq = []
for _ in range(7):
    seq.append(cur)
    cur = light[cur]
print(" > ".join(seq))
