class BankError(Exception):
    """Base class for bank errors."""

class InsufficientFunds(BankError):
    def __init__(self, balance, amount):
        super().__init__(f"balance {balance} < requested {amount}")
        self.balance = balance
        self.amount = amount
    @property
    def shortfall(self):
        return self.amount - self.balance

class AccountLocked(BankError):
    pass

class Account:
    def __init__(self, bal):
        self.bal = bal
        self.locked = False
    def withdraw(self, amt):
        if self.locked:
            raise AccountLocked("account is locked")
        if amt > self.bal:
            raise InsufficientFunds(self.bal, amt)
        self.bal -= amt
        return self.bal

acct = Account(100)
for amt in (30, 50, 40):
    try:
        left = acct.withdraw(amt)
    except InsufficientFunds as e:
        print(f"Failed: {e} (short by {e.shortfall})", e.args)
    except BankError as e:
        print("generic bank error", e)
    else:
        print("withdrew", amt, "left", left)
    finally:
        print("-- transaction attempt logged")
acct.locked = True
try:
    acct.withdraw(1)
except (InsufficientFunds, AccountLocked) as e:
    print(type(e).__name__, e, isinstance(e, BankError), isinstance(e, Exception))

def parse_config(d):
    try:
        return int(d["port"])
    except KeyError as e:
        raise ValueError("missing port") from e
    except ValueError:
        raise

for cfg in ({"port": "80"}, {}, {"port": "eighty"}):
    try:
        print("port", parse_config(cfg))
    except ValueError as e:
        print("ValueError:", e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__))

def f():
    try:
        return "from try"
    finally:
        print("finally runs before return")
print(f())

def g():
    try:
        1 / 0
    except ZeroDivisionError:
        return "handled"
    finally:
        return "finally wins"
print(g())
print(BankError.__doc__, InsufficientFunds.__mro__[1:3])
try:
    try:
        {}["k"]
    except KeyError:
        raise TypeError("during handling")
except TypeError as e:
    print(repr(e.__context__), e.__suppress_context__)
acct.locked = False
acct.withdraw(1000)
