# gcscope check refused the trace of these: a set member in both tables, a dict key equal to another
c = {0, 1, 2}
c &= {1, 2, 3}
c.intersection_update([2])
d = {1.0: "a"}
d[1] = "b"
d[True] = "c"
print(c, d)
1/0
