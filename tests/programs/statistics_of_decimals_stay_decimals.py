# statistics keeps Decimal data Decimal: exact sums, a Decimal square root.
import statistics
from decimal import Decimal as D, getcontext
data = [D('1.1'), D('2.2'), D('3.3'), D('4.75')]
print(statistics.mean(data), statistics.median(data), statistics.variance(data), statistics.pvariance(data))
print(statistics.stdev(data), statistics.pstdev(data), statistics.median_low(data), statistics.mode(data))
print(statistics.mean([D(1), 2, D('3.5')]), statistics.stdev([D(1), D(1)]), statistics.fmean(data))
print(statistics.stdev([D(2), D(4), D(4), D(4), D(5), D(5), D(7), D(9)]))
getcontext().prec = 10
print(statistics.stdev(data), statistics.pstdev([D('0.1'), D('0.2'), D('0.4')]))
