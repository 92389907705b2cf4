class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
i = Idx(3)
print(list(range(i)), list(range(Idx(1), Idx(7), Idx(2))), "abcdef"[Idx(1):Idx(4)], [0, 1, 2, 3][Idx(1):], "abcdef"[::Idx(2)])
class Money:
    def __init__(self, c): self.c = c
    def __divmod__(self, n): return ("dm", self.c // n, self.c % n)
    def __rdivmod__(self, n): return ("rdm", n)
    def __pow__(self, e, mod=None): return ("pow", e, mod)
print(divmod(Money(17), 5), divmod(5, Money(2)), pow(Money(2), 3), pow(Money(2), 3, 5), divmod(7, 2), divmod(-7.5, 2))
for bad in (lambda: divmod(Money(1), "x") if False else divmod(object(), 2), lambda: pow(object(), 2, 3)):
    try:
        bad()
    except TypeError as e:
        print(e)
class CI(str):
    def __eq__(self, o): return self.lower() == o.lower()
    def __hash__(self): return hash(self.lower())
d = {CI("Apple"): 1}
print(d.get(CI("APPLE")), CI("b") in {CI("B"): 0}, {"plain": 1}.get("plain"), CI("x") == "X")
class S(str):
    pass
print({S("k"): 1}["k"], {"k": 2}[S("k")], S("ab") + "c")
