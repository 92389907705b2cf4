# while loops with break and continue, and loops nested inside loops
i = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print('odd', i)
print('i after loop', i)
n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
print('collatz steps', steps)
for a in range(4):
    for b in range(4):
        if b > a:
            break
        if a == b:
            continue
        print(a, b)
while True:
    print('once')
    break
