# methods calling other methods through self, returning self for chaining, class attributes
class Account:
    fee = 1

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(('deposit', amount))
        return self

    def withdraw(self, amount):
        total = amount + self.fee
        if total > self.balance:
            self.history.append(('refused', amount))
            return self
        self.balance -= total
        self.history.append(('withdraw', amount))
        return self

    def report(self):
        return '{}: {} after {} operations'.format(self.owner, self.balance, len(self.history))


acct = Account('ann')
acct.deposit(100).withdraw(30).withdraw(500)
print(acct.report())
print(acct.history)
other = Account('bob', balance=10)
other.fee = 0
other.withdraw(10)
print(other.report(), Account.fee, other.fee)
