def hanoi(n, a, b, c, moves):
    if n == 0:
        return
    hanoi(n - 1, a, c, b, moves)
    moves.append((a, c))
    hanoi(n - 1, b, a, c, moves)
m = []
hanoi(4, "A", "B", "C", m)
print(len(m), m[:3])
from collections import OrderedDict, deque
od = OrderedDict(a=1, b=2)
dq = deque([1, 2, 3], maxlen=3); dq.append(4); print(dq, type(iter(dq)).__name__)
print(type(iter({})).__name__, type(iter([])).__name__, type(reversed([])).__name__, type(iter(range(3))).__name__, type(iter("")).__name__)
print(type({}.keys()).__name__, type(iter(set())).__name__, type(zip()).__name__, type(map(int, [])).__name__)
def outer():
    def inner():
        raise ValueError("deep")
    try:
        inner()
    except ValueError as e:
        raise RuntimeError("wrapped") from e
try:
    outer()
except RuntimeError as e:
    print(e, "<-", e.__cause__)
assert len(m) == 15, "wrong"
try:
    assert False, "custom message"
except AssertionError as e:
    print("assert:", e)
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
    def withdraw(self, amount):
        if amount > self._balance:
            raise ValueError(f"insufficient funds: {self._balance} < {amount}")
        self._balance -= amount
        return self._balance
acct = Account("ann", 100)
print(acct.withdraw(30))
outer()
