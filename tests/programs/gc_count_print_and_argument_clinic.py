# print() packs its arguments in a tuple, fetches file.write for every piece,
# and its parser makes a tuple of keyword names the first time it runs;
# list.sort and str.split make theirs the first time they get keywords.
import gc
R = [0] * 12
gc.collect()
R[0] = gc.get_count()[0]
R[0] = gc.get_count()[0]
print()
R[1] = gc.get_count()[0]
print()
R[2] = gc.get_count()[0]
print('a', 'b', sep='-')
R[3] = gc.get_count()[0]
L = [3, 1]
L.sort(reverse=True)
R[4] = gc.get_count()[0]
L.sort(reverse=True)
R[5] = gc.get_count()[0]
x = sorted(L, key=abs)
R[6] = gc.get_count()[0]
x = 'a,b'.split(sep=',')
R[7] = gc.get_count()[0]
x = 'a,b'.split(sep=',')
R[8] = gc.get_count()[0]
print([R[i + 1] - R[i] for i in range(8)])
