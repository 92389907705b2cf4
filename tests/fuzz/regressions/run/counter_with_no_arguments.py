from collections import Counter
# Counter() with no arguments: its keyword values start at args + 0 with args NULL (UBSan)
c = Counter()
c.update()
c.subtract()
print(c, Counter(a=1))
