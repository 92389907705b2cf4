# printf-style formatting in a program's report lines, then a format with
# one argument too few: the traceback's last line is CPython's.
rows = [("apples", 3, 0.5), ("pears", 12, 1.25)]
for name, n, price in rows:
    print("%-8s %3d x %5.2f = %6.2f" % (name, n, price, n * price))
total = sum(n * p for _, n, p in rows)
print("Total: %.2f (%d%% paid)" % (total, 100))
print("%s has %d items" % ("cart",))
