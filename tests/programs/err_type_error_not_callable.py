# TypeError when calling a list as if it were a function
def total(items):
    return sum(items)


numbers = [1, 2, 3]
print('total', total(numbers))
total = total(numbers)
print('total is now an int:', total)
print(numbers(0))
