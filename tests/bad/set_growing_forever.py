s = set()
i = 0
while True:
    s.add(i)
    i += 1
