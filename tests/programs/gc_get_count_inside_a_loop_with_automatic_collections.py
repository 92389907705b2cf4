# generation 0's count inside a loop: +1 per new list, back to 0 after each
# automatic collection, which also adds 1 to generation 1
import gc

seen = []
gc.collect()
gc.set_threshold(10, 3, 3)
keep = []
for i in range(30):
    keep.append([])
    seen.append(gc.get_count())
gc.set_threshold(700, 10, 10)
for c in seen:
    print(c)
