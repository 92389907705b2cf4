import statistics as st
from fractions import Fraction

data = [105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91]
for n in (1, 2, 3, 4, 5, 10):
    print(n, st.quantiles(data, n=n), st.quantiles(data, n=n, method="inclusive"))
print(st.quantiles([1, 2], n=4))
print(st.quantiles([1.5, 2.25, 9.0], n=6, method="inclusive"))
print(st.quantiles([Fraction(1, 3), Fraction(1, 2), Fraction(3, 4)], n=4))
print(st.quantiles(range(101), n=4), st.quantiles(x * 0.5 for x in range(7)))
for bad in [dict(n=0), dict(method="middle")]:
    try:
        st.quantiles(data, **bad)
    except (st.StatisticsError, ValueError) as e:
        print(type(e).__name__, e)
