class C: pass
c = C()
del c.missing
