# float format specs: fixed, exponent, general, percent, with width and sign
x = 3.14159265
print('{:.2f} {:.0f} {:.4f} {:f}'.format(x, x, x, x))
print('[{:8.2f}] [{:<8.2f}] [{:^8.1f}] [{:08.3f}]'.format(x, x, x, -x))
print('{:+.1f} {:+.1f} {: .1f} {: .1f}'.format(x, -x, x, -x))
print('{:e} {:.2e} {:E} {:.0e}'.format(12345.678, 12345.678, 0.00012, 5.0))
print('{:g} {:g} {:g} {:g} {:.3g} {:g}'.format(1234567.0, 0.0001, 0.00001, 100.0, 3.14159, 1e16))
print('{:%} {:.1%} {:.0%}'.format(0.25, 0.125, 1.0))
print('{:,.2f} {:,} {:_} {:,.0f}'.format(1234567.891, 9876543210, 1000000, 2.5e6))
print(f'{2/3:.3f} {1e-3:.2e} {-0.0:.1f} {0.005:.2f} {0.015:.2f}')
print('{:.2f}'.format(1), '{:.3}'.format(2.0), '{}'.format(1.0), '{:.1f}'.format(float('inf')))
print(format(1.5, '.3f'), format(1 / 7, '.10f'), format(1e300, '.2e'))
rows = [('a', 1.5), ('bb', 22.25), ('ccc', 333.125)]
for label, val in rows:
    print(f'{label:>4}: {val:>8.2f}')
