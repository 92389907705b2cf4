# one statement makes 3 x 10**7 events when recorded: the limit stops it and
# the trace ends before it; unrecorded, the loop after it meets the limit
x = ["a"] * 10**7
for i in range(10**6):
    pass
