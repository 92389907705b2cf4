from collections import deque

class Stack:
    def __init__(self):
        self._items = []
    def push(self, x): self._items.append(x)
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def peek(self): return self._items[-1]
    def is_empty(self): return not self._items
    def __len__(self): return len(self._items)
    def __repr__(self): return f"Stack({self._items})"

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

for e in ["(a+b)*[c]", "{[()]}", "((", "(]", "", "{a:[1,2,(3)]}"]:
    print(f"{e!r:>16} -> {balanced(e)}")

def rpn(tokens):
    st = []
    ops = {'+': lambda a, b: a + b, '-': lambda a, b: a - b,
           '*': lambda a, b: a * b, '/': lambda a, b: a / b}
    for t in tokens.split():
        if t in ops:
            b, a = st.pop(), st.pop()
            st.append(ops[t](a, b))
        else:
            st.append(float(t) if '.' in t else int(t))
    return st[0]

print(rpn("3 4 + 2 *"), rpn("5 1 2 + 4 * + 3 -"), rpn("1 3 /"), rpn("2.5 2 *"))

q = deque(maxlen=3)
for i in range(6):
    q.append(i)
    print(q)
q.rotate(1); print(q)
q.appendleft(-1); print(q, q.maxlen)
d = deque("abcde")
d.extendleft("xy")
print(d, d.count('a'), d.index('c'))
print(list(reversed(d)), d[2], d[-1])
s = Stack()
s.push(1)
print(s, len(s), s.pop())
s.pop()
