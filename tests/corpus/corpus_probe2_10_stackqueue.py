from collections import deque

class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def peek(self):
        return self._items[-1]
    def is_empty(self):
        return len(self._items) == 0
    def __len__(self):
        return len(self._items)

def balanced(expr):
    pairs = {')': '(', ']': '[', '}': '{'}
    s = Stack()
    for ch in expr:
        if ch in '([{':
            s.push(ch)
        elif ch in pairs:
            if s.is_empty() or s.pop() != pairs[ch]:
                return False
    return s.is_empty()

def eval_rpn(tokens):
    st = Stack()
    for tok in tokens.split():
        if tok in "+-*/":
            b, a = st.pop(), st.pop()
            st.push({'+': a + b, '-': a - b, '*': a * b, '/': a / b}[tok])
        else:
            st.push(float(tok) if '.' in tok else int(tok))
    return st.pop()

for e in ["([]{})", "([)]", "((", "", "{[()()]}"]:
    print(repr(e), balanced(e))
print(eval_rpn("3 4 + 2 *"), eval_rpn("5 1 2 + 4 * + 3 -"), eval_rpn("2.5 4 /"))

q = deque(maxlen=4)
for i in range(7):
    q.append(i)
    print(list(q))
q.rotate(1); print(q)
q.rotate(-2); print(q)
q.appendleft(-1); print(q, q.maxlen)
d = deque("hello")
print(d.count("l"), d.index("l"), d[1], d[-1])
d.extendleft("ab")
print(d)
print(deque([1,2,3]) == deque([1,2,3]), deque() or "empty")

def hot_potato(names, num):
    circle = deque(names)
    while len(circle) > 1:
        circle.rotate(-num)
        print("out:", circle.popleft())
    return circle[0]
print("winner", hot_potato(["Bill", "David", "Susan", "Jane", "Kent", "Brad"], 7))
s = Stack()
s.pop()
