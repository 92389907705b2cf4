import operator

TOKENS = set("+-*/()^%")
def tokenize(s):
    toks, num = [], ""
    for ch in s:
        if ch.isdigit() or ch == ".":
            num += ch
            continue
        if num:
            toks.append(float(num) if "." in num else int(num))
            num = ""
        if ch in TOKENS:
            toks.append(ch)
        elif not ch.isspace():
            raise SyntaxError(f"unexpected character {ch!r}")
    if num:
        toks.append(float(num) if "." in num else int(num))
    return toks

class Parser:
    OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
           "%": operator.mod, "^": operator.pow}
    def __init__(self, toks):
        self.toks, self.i = toks, 0
    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else None
    def eat(self, t=None):
        tok = self.peek()
        if t is not None and tok != t:
            raise SyntaxError(f"expected {t!r}, got {tok!r}")
        self.i += 1
        return tok
    def expr(self):
        v = self.term()
        while self.peek() in ("+", "-"):
            v = self.OPS[self.eat()](v, self.term())
        return v
    def term(self):
        v = self.factor()
        while self.peek() in ("*", "/", "%"):
            v = self.OPS[self.eat()](v, self.factor())
        return v
    def factor(self):
        base = self.unary()
        if self.peek() == "^":
            self.eat()
            return base ** self.factor()
        return base
    def unary(self):
        if self.peek() == "-":
            self.eat()
            return -self.unary()
        if self.peek() == "(":
            self.eat("(")
            v = self.expr()
            self.eat(")")
            return v
        tok = self.eat()
        if not isinstance(tok, (int, float)):
            raise SyntaxError(f"unexpected token {tok!r}")
        return tok

def calc(s):
    p = Parser(tokenize(s))
    v = p.expr()
    if p.peek() is not None:
        raise SyntaxError(f"trailing token {p.peek()!r}")
    return v

for e in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "10 % 4 + 0.5", "2 * (3 + 4) * (5 - 1)",
          "1 / 0", "3 +", "4 $ 4", "(1 + 2", "2 ^ 100", "1.5 * 4", "7 - - 2"]:
    try:
        print(f"{e:<24} = {calc(e)}")
    except ZeroDivisionError as ex:
        print(f"{e:<24} ! ZeroDivisionError: {ex}")
    except SyntaxError as ex:
        print(f"{e:<24} ! SyntaxError: {ex}")
    except TypeError as ex:
        print(f"{e:<24} ! TypeError: {ex}")
print(eval("2 + 3 * 4"), eval("x * y", {"x": 6, "y": 7}), eval("[i ** 2 for i in range(4)]"))
ns = {}
exec("def sq(n):\n    return n * n\nresult = sq(12)", ns)
print(ns["result"], ns["sq"](3), sorted(k for k in ns if not k.startswith("__")))
print(calc("2 * (3"))
