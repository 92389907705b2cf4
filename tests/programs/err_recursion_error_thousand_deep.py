# RecursionError when a recursive function never stops (limit 1000)
def dive(n):
    if n % 100 == 0:
        print('depth', n)
    return dive(n + 1)


print('starting')
dive(0)
print('never reached')
