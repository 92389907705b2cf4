l = []
while True:
    l.append("x" * 10000000)
