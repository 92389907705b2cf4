# Exact sums make variance and stdev immune to cancellation.
import statistics as st

print(st.mean([0.1] * 10), sum([0.1] * 10) / 10)
print(st.variance([0.1] * 10), st.pvariance([0.1] * 10), st.stdev([0.1] * 10))
big = [1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3]
print(st.mean(big), st.variance(big), st.stdev(big), st.pstdev(big))
huge = [1e300, 1e300, -1e300]
print(st.mean(huge), st.pvariance([1e150, -1e150]), st.stdev(huge))
tiny = [5e-324, 1e-320, 2e-310]
print(st.mean(tiny), st.variance(tiny), st.pstdev(tiny))
print(st.mean([1e50, 1, -1e50] * 100), st.fmean([1e50, 1, -1e50] * 100))
print(st.variance([2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]))
print(st.variance([1, 2, 3, 4], xbar=2.5), st.pvariance([1, 2, 3, 4], mu=2.5), st.pstdev(range(1, 101)))
print(st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pstdev([0.0, 1e-300]))
print(st.variance([3, 3, 3, 3]), type(st.variance([3, 3, 3, 3])).__name__, st.variance([1, 2, 4]), type(st.variance([1, 2, 4])).__name__)
print(st.mean([1, float("inf")]), st.mean([float("-inf"), 2.0]), st.variance([1.0, float("nan")]))
print(st.geometric_mean([1e300, 1e-300, 4.0]), st.harmonic_mean([2.5, 3, 10]), st.harmonic_mean([1, 0, 3]))
print(st.variance(x / 7 for x in range(20)), st.stdev(iter([0.3, 0.6, 0.9, 1.2])))
