import sys
z = 1j
print(z * z, z, 2j, 1.5e3J, -1j, -0j, 0j, 1+2j, 1-2j, (1+0j), complex(-0.0, -1))
print(complex(1, 2), complex('1+2j'), complex(' ( -1.5e3-2j ) '), complex('j'), complex('-J'), complex('inf+nanj'))
print(complex(), complex(3), complex(2.5), complex(1j, 1j), complex(real=1, imag=5), complex(True))
print(repr(complex(float('nan'), float('inf'))), complex(1e16, 1e-5), complex(0.1, 123456789.123))
a = 3 + 4j
b = 1 - 2j
print(a + b, a - b, a * b, a / b, a ** 2, a ** 0.5, a ** -1, b ** 3, a + 1, 1 + a, a * 2.5, 2 / a, 1 - a)
print(abs(a), abs(-3j), a.real, a.imag, a.conjugate(), (2+0j).real, type(a.real))
print(a == 3 + 4j, a != 3 + 4j, 2 + 0j == 2, 2 + 0j == 2.0, 1j == 1, 1 == 1 + 0j, a == 'x')
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(1j), hash(3 + 4j), hash(-1 + 0j))
print(bool(0j), bool(1j), bool(0.0 + 0j), bool(complex(0, -0.0)))
print(sys.getsizeof(a), type(a), complex.__name__, isinstance(a, complex), type(1j) is complex)
print(+a is a, -a, pow(a, 2), 0j ** 0, (1+1j) ** 100)
d = {1j: 'i', 2: 'two'}
print(d[1j], d[2 + 0j], {1j, 1j, 2}, [1j, 2j])
import gc
print(gc.is_tracked(a))
print(f"{a}", f"{a!r}", format(a), format(a, '.2f'), format(1.5 + 2.25j, '>20'), f"{b:.3e}", format(2j, 'g'))
print(str(1j), str(complex(1, -0.0)), repr(complex(-0.0, 0.0)), complex(-0.0, -0.0))
x = 1.5j
print(sys.getrefcount(x))
def f():
    return 2j
print(f() is f())
print("fmt:", end=" "); print(complex(1,-n), complex(-n,1), complex(0,-n), complex(-n, -n), format(complex(1,n),'.2f'), format(complex(1,-n),'.2f'), format(complex(-1,-2),'+.1f'), format(complex(0, 2), '.2f'), format(complex(1,2), ' .1f'), format(complex(0,2),'+g'), format(complex(1.5, 2), ''), format(complex(1,2),'^15'), format(complex(1,2),'*<12.1f'))
print("fmt:", end=" "); print(format(1+2j, '.3'), format(2j, '.3'), format(1e20+1j, 'g'), format(1.5+2j, 'e'), format(3+4j, 'F'))
print(complex(1,-n), complex(-n,1), complex(0,-n), complex(-n, -n), format(complex(1,n),'.2f'), format(complex(1,-n),'.2f'), format(complex(-1,-2),'+.1f'), format(complex(0, 2), '.2f'), format(complex(1,2), ' .1f'), format(complex(0,2),'+g'), format(complex(1.5, 2), ''), format(complex(1,2),'^15'), format(complex(1,2),'*<12.1f'))
print(format(1+2j, '.3'), format(2j, '.3'), format(1e20+1j, 'g'), format(1.5+2j, 'e'), format(3+4j, 'F'))
