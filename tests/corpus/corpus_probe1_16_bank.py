class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        self.balance = balance
        self.amount = amount
        super().__init__(f"Cannot withdraw ${amount:,.2f}; balance is ${balance:,.2f}")

class Account:
    _next_id = 1000
    interest_rate = 0.02

    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self._balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("Deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(self._balance, amount)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self

    def apply_interest(self):
        interest = round(self._balance * self.interest_rate, 2)
        self._balance += interest
        return interest

    def __str__(self):
        return f"[{self.id}] {self.owner:<8} ${self._balance:>10,.2f}"

    def __repr__(self):
        return f"{self.__class__.__name__}({self.owner!r}, {self._balance!r})"

class Savings(Account):
    interest_rate = 0.05
    def withdraw(self, amount):
        if len([h for h in self.history if h[0] == "withdraw"]) >= 2:
            raise PermissionError("Savings: withdrawal limit reached")
        return super().withdraw(amount)

class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, cls, owner, initial=0):
        acct = cls(owner, initial)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src, dst, amount):
        self.accounts[src].withdraw(amount)
        self.accounts[dst].deposit(amount)
    def total(self):
        return sum(a.balance for a in self.accounts.values())

bank = Bank()
a = bank.open(Account, "Alice", 500)
b = bank.open(Savings, "Bob", 1200.50)
c = bank.open(Account, "Carol")
a.deposit(250).withdraw(100)
bank.transfer(b.id, c.id, 300)
for op in [lambda: a.withdraw(10_000), lambda: c.deposit(-5), lambda: b.withdraw(1), lambda: b.withdraw(1)]:
    try:
        op()
    except InsufficientFunds as e:
        print("Insufficient:", e, e.amount)
    except (ValueError, PermissionError) as e:
        print(type(e).__name__ + ":", e)
for acct in bank.accounts.values():
    print(acct, "interest:", acct.apply_interest())
print(f"Total: {bank.total():,.2f}")
print(repr(a), a.history, b.history)
print(Account._next_id, Savings.interest_rate, a.interest_rate)
print(sorted(bank.accounts.values(), key=lambda x: x.balance, reverse=True))
a.balance = 5
