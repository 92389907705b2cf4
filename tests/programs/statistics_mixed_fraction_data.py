from fractions import Fraction as F
import statistics as st

data = [F(1, 2), F(3, 4), F(5, 6), 1, F(7, 8)]
print(st.mean(data), st.median(data), st.variance(data), st.pvariance(data))
print(st.stdev(data), st.pstdev(data), st.fmean(data), st.harmonic_mean(data), st.geometric_mean(data))
print(st.mean([F(1, 3), 0.5]), st.mean([F(2, 3), True]), st.median([F(1, 3), F(2, 3)]), st.median([1, F(1, 2), 3]))
print(st.mode([F(1, 2), 0.5, F(2, 4), 1]), st.multimode([F(1), 1, 1.0, 2, F(4, 2)]))
print(st.variance([F(1, 10)] * 5), st.mean(F(n, n + 1) for n in range(1, 8)))
print(st.harmonic_mean([F(1, 2), F(1, 3)], weights=[F(1), 2]), st.median_grouped([F(1), F(2), F(2), F(3)]))
print(st.quantiles([F(1, 7), F(2, 7), F(3, 7), F(6, 7)], n=3), st.variance([1, 2, F(3, 2)], xbar=F(3, 2)))
total = sum(F(1, n * (n + 1)) for n in range(1, 50))
print(total, float(total), st.mean([total, 1 - total]))
class Money(float):
    pass
print(st.mean([Money(1.5), Money(2.25)]), type(st.mean([Money(1.5), Money(2.25)])).__name__, type(st.mean([Money(1.5), 2])).__name__)
try:
    st.mean([F(1, 2), "x"])
except TypeError as e:
    print("TypeError:", e)
