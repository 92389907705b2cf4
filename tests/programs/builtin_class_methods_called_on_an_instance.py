for expr in ['{}.fromkeys([1, 2])', '(5).from_bytes(b"\\x01", "big")', '"".maketrans("a", "b")', 'b"".fromhex("41")', '__import__("collections").OrderedDict().fromkeys("ab")', '__import__("datetime").date(2020,1,1).today() is not None', '__import__("fractions").Fraction(1).from_float(0.5)']:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "-> ERR", type(e).__name__, e)
from datetime import datetime, date
print(datetime.now().now().year > 2000, date(2024, 1, 1).today().year > 2000)
print(date(2020, 5, 17).fromordinal(5), dict.fromkeys("ab", 0), {}.fromkeys("xy"))
