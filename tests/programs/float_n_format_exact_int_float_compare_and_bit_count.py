for v in (1234.5, 0.5, 1e20, -3.25, 123456789.0, float('inf'), 0.0, 2.5e-7):
    print(format(v, "n"), format(v, ".3n"), format(v, "10n"), format(v, "#n"), f"{v:n}")
print(format(12345, "n"), format(-7, "n"), "{:n}".format(3.0))
print(float(2**53) == 2**53 + 1, 2**53 + 1 == float(2**53), float(2**53) < 2**53 + 1, 2**63 == float(2**63), 2**64 > 1.8e19)
print((255).bit_count(), (-5).bit_count(), (2**70 + 1).bit_count(), (0).bit_count())
x = 2**53 + 1
print(float(2**53) in [x], [x].count(float(2**53)), x != float(2**53), -2**63 == float(-2**63), 2**63 - 1 < 9.3e18)
print(3 < 3.5, -3 > -3.5, 7 == 7.0, 10**18 == 1e18, 10**18 + 1 > 1e18)
