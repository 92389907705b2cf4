t = ()
for i in range(100000):
    t = (t,)
d = {t: 1}
