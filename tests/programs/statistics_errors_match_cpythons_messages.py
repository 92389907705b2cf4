import statistics as st
from fractions import Fraction as F
cases = [
    lambda: st.mean([]), lambda: st.fmean([]), lambda: st.fmean(iter([])), lambda: st.variance([1]), lambda: st.stdev([]), lambda: st.pvariance([]), lambda: st.pstdev([]),
    lambda: st.median([]), lambda: st.median_low([]), lambda: st.median_high([]), lambda: st.median_grouped([]), lambda: st.mode([]), lambda: st.geometric_mean([]),
    lambda: st.geometric_mean([1, -2]), lambda: st.geometric_mean([0, 3]), lambda: st.harmonic_mean([]), lambda: st.harmonic_mean([-1]), lambda: st.harmonic_mean([1, -1]),
    lambda: st.harmonic_mean([1, 0, 3]), lambda: st.harmonic_mean([1, 2], weights=[1]), lambda: st.harmonic_mean(['a']), lambda: st.harmonic_mean([5]),
    lambda: st.quantiles([1]), lambda: st.quantiles([1, 2], n=0), lambda: st.quantiles([1, 2, 3], method='median'), lambda: st.correlation([1, 2], [1]),
    lambda: st.correlation([1], [1]), lambda: st.correlation([1, 1, 1], [1, 2, 3]), lambda: st.covariance([1, 2, 3], [1, 2]), lambda: st.covariance([1], [2]),
    lambda: st.linear_regression([1, 1], [2, 3]), lambda: st.linear_regression([1, 2], [2]), lambda: st.linear_regression([1], [2]),
    lambda: st.mean(['a', 'b']), lambda: st.mean([1, 'a']), lambda: st.mean(5), lambda: st.variance(['x', 'y']), lambda: st.median([1, 'a']),
    lambda: st.mean(), lambda: st.mean([1], [2]), lambda: st.mean(data=[1, 2]), lambda: st.stdev(data=[1.0, 3.0], xbar=2.0), lambda: st.quantiles([1, 2], 4),
    lambda: st.fmean([1, 2], weights=[1]), lambda: st.fmean([1, 2], weights=[0, 0]), lambda: st.fmean(['a']), lambda: st.correlation(iter([1, 2]), [1, 2]),
    lambda: st.stdev([1, float('inf')]), lambda: st.mode([[1], [2]]), lambda: st.median_grouped(['a', 'b']), lambda: st.median_grouped([1, 2], interval='x'),
    lambda: st.pvariance([F(1), 2.5, 3]), lambda: st.mean([F(1, 2), 1.5]), lambda: st.harmonic_mean([2, 4], weights=[-1, 2]),
    lambda: st.linear_regression([1, 2, 3], [1, 2, 3], True), lambda: st.covariance(x=[1, 2], y=[3, 4]),
]
for i, c in enumerate(cases):
    try:
        r = c()
        print(i, 'ok', r)
    except st.StatisticsError as e:
        print(i, 'StatisticsError:', e)
    except Exception as e:
        print(i, type(e).__name__ + ':', e)
st.mean([])
