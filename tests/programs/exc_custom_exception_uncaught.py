# an uncaught user exception prints its class name (no __main__ prefix) and message
class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__('need ' + str(needed) + ' more')
        self.needed = needed


class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount - self.balance)
        self.balance -= amount
        return self.balance


acct = Account(100)
print(acct.withdraw(30))
try:
    acct.withdraw(500)
except InsufficientFunds as e:
    print('caught:', e, e.needed)
print(acct.withdraw(80))
