# the clocks give real readings: only their types and order are printed
# (time.sleep really sleeps in gcscope run, and returns at once while recording)
import time

t0 = time.time()
n0 = time.time_ns()
p0 = time.perf_counter()
pn0 = time.perf_counter_ns()
m0 = time.monotonic()
c0 = time.process_time()
total = 0
for i in range(2000):
    total += i
time.sleep(0.01)
t1 = time.time()
p1 = time.perf_counter()
m1 = time.monotonic()
print(type(t0).__name__, type(n0).__name__, type(p0).__name__, type(pn0).__name__, type(m0).__name__, type(c0).__name__)
print(t1 >= t0, p1 - p0 >= 0, m1 >= m0, time.process_time() >= c0, time.perf_counter_ns() > pn0)
print(t0 > 1.6e9, abs(n0 / 1e9 - t0) < 5, time.thread_time() >= 0, time.monotonic_ns() > 0)
print(time.sleep(0), time.sleep(0.001))
lt = time.localtime()
print(type(lt).__name__, len(lt), lt.tm_year >= 2024, 1 <= lt.tm_mon <= 12, lt.tm_isdst in (-1, 0, 1))
x = 1700000000
print(time.mktime(time.localtime(x)) == x, time.localtime(x) == time.localtime(float(x) + 0.5))
print(type(time.ctime()), len(time.ctime(0)), type(time.asctime()), type(time.strftime("%Y")))
print(isinstance(time.timezone, int), isinstance(time.tzname, tuple), time.daylight in (0, 1))
