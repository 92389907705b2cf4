import random, statistics as st
from fractions import Fraction as F
random.seed(12345)
for trial in range(60):
    n = random.randint(2, 12)
    kind = trial % 5
    if kind == 0:
        data = [random.random() * 10 ** random.randint(-5, 15) for _ in range(n)]
    elif kind == 1:
        data = [random.randint(-1000, 10**12) for _ in range(n)]
    elif kind == 2:
        data = [random.gauss(100, 15) for _ in range(n)]
    elif kind == 3:
        data = [F(random.randint(-50, 50), random.randint(1, 30)) for _ in range(n)]
    else:
        data = [random.choice([0.1, 0.2, 0.3, 1e16, 1, 3]) for _ in range(n)]
    out = [st.mean(data), st.fmean(data), st.median(data), st.variance(data), st.pvariance(data), st.stdev(data), st.pstdev(data),
           st.quantiles(data, n=5), st.quantiles(data, method='inclusive'), st.median_grouped(data), st.mode(data)]
    pos = [abs(x) + 1 for x in data]
    out += [st.geometric_mean(pos), st.harmonic_mean(pos)]
    y = [random.random() for _ in range(n)]
    try:
        out += [st.correlation(data, y), st.covariance(data, y), st.linear_regression(data, y)]
    except st.StatisticsError as e:
        out.append(str(e))
    print(trial, out)
big = [10**40 + i for i in range(5)]
print(st.mean(big), st.variance(big), st.stdev(big), float(F(10**40 + 1, 3)), F(2**80 + 1, 2**81) + 0.5)
