# float division and modulo by zero raise ZeroDivisionError with float-specific messages
def safe(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        return str(e)


print(safe(1.0, 4))
print(safe(1.0, 0))
print(safe(1, 0))
try:
    5.0 % 0.0
except ZeroDivisionError as e:
    print(e)
try:
    5.0 // 0
except ZeroDivisionError as e:
    print(e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print(e)
try:
    float('abc')
except ValueError as e:
    print(e)
total = 10.5
count = 0
print(total / count)
