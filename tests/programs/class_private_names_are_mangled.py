class Account:
    __count = 0
    def __init__(self, owner, balance):
        self.owner = owner
        self.__balance = balance
        Account.__count += 1
    def __check(self, amount):
        return amount <= self.__balance
    def withdraw(self, amount):
        if not self.__check(amount):
            raise ValueError("insufficient funds")
        self.__balance -= amount
        return self.__balance
    @property
    def balance(self):
        return self.__balance
    @classmethod
    def count(cls):
        return cls.__count
    def __repr__(self):
        return f"Account({self.owner!r}, {self.__balance})"
a = Account("ann", 100)
print(a.withdraw(30), a.balance, Account.count(), a)
print(sorted(vars(a)), a._Account__balance, hasattr(a, "__balance"), "_Account__check" in Account.__dict__)
class Savings(Account):
    def __init__(self, owner, balance):
        super().__init__(owner, balance)
        self.__balance = "shadow"
    def peek(self):
        return self.__balance, self._Account__balance
s = Savings("bo", 50)
print(s.peek(), sorted(vars(s)))
try:
    print(a.__balance)
except AttributeError as e:
    print(e)
class _Hidden:
    def __init__(self):
        self.__x = 1
print(vars(_Hidden()))
class ___:
    def __init__(self):
        self.__y = 2
print(vars(___()))
class Outer:
    class Inner:
        def __init__(self):
            self.__z = 3
    def make(self):
        self.__w = 4
        return self
print(vars(Outer.Inner()), vars(Outer().make()))
del a._Account__balance
print(vars(a))
