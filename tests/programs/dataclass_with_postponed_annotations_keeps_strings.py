# With `from __future__ import annotations` a class's annotations are
# strings, not evaluated: a dataclass may name itself (a linked list).
from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass
class Node:
    value: int
    next: Node | None = None
    tags: list[str] = field(default_factory=list)


chain = Node(1, Node(2, Node(3)))
print(chain)
print([(f.name, f.type) for f in fields(Node)])
print(Node.__annotations__)
n = chain
total = 0
while n is not None:
    total += n.value
    n = n.next
print(total)
