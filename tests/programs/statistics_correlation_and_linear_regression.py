import statistics as st

year = [2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018]
films = [1, 2, 3, 5, 7, 9, 11, 15, 19, 22]
lr = st.linear_regression(year, films)
print(lr)
print(lr.slope, lr.intercept, round(lr.slope * 2019 + lr.intercept))
slope, intercept = lr
print(slope == lr[0], type(lr).__name__, lr._fields, lr._asdict())
print(st.linear_regression([1, 2, 3, 4], [2.1, 3.9, 6.2, 7.8], proportional=True))
print(st.correlation(year, films), st.covariance(year, films))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(st.correlation(x, x), st.correlation(x, [-v for v in x]), st.correlation(x, y), st.covariance(x, y), st.covariance(y, x))
print(st.covariance([0.1, 0.2, 0.3], [3e10, 1e10, 2e10]), st.correlation((1.5, 2.5, 0.5), (3, 2, 8)))
for args in [([1, 1, 1], [1, 2, 3]), ([1, 2], [3]), ([1], [2])]:
    for f in (st.correlation, st.linear_regression, st.covariance):
        try:
            print(f(*args))
        except st.StatisticsError as e:
            print(f.__name__, "->", e)
