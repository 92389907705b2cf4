# integer format specs: zero padding, signs, thousands separators and bases
n = 255
print('{:d} {:5d} {:05d} {:<5d}|'.format(n, n, n, n))
print('{:x} {:X} {:#x} {:o} {:#o} {:b} {:#b}'.format(n, n, n, n, n, n, n))
print('{:08b} {:#010x} {:+d} {:+d} {: d}'.format(5, 255, 5, -5, 5))
print('{:,} {:_} {:,d} {:_x}'.format(1234567, 1234567, -1000, 0xFFFFFF))
print(f'{n:>8,}|{-n:^7}|{65:c}|')
print('{:.2f} {:e} {:%}'.format(3, 3, 1))
print('{0} {0!r} {0:>4}'.format(42))
print(format(-17, '05'), format(17, '+05'), format(1024, 'x'))
