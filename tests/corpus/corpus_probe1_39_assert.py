def withdraw(balance, amount):
    assert amount > 0, f"amount must be positive: {amount}"
    assert amount <= balance
    return balance - amount

print(withdraw(100, 30))
try:
    withdraw(100, -5)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    withdraw(10, 50)
except AssertionError as e:
    print("AssertionError:", repr(e), e.args)
def test_sum():
    assert sum([1, 2]) == 3
    assert [1, 2] + [3] == [1, 2, 3]
    print("tests pass")
test_sum()
withdraw(5, 10)
