LOG = """\
2024-01-01 10:00:01 INFO  user=alice action=login
2024-01-01 10:00:05 WARN  user=bob action=login failed=1
2024-01-01 10:01:10 INFO  user=alice action=view page=home
2024-01-01 10:02:00 ERROR user=carol action=pay amount=19.99 err=timeout
2024-01-01 10:02:30 INFO  user=bob action=login
2024-01-01 10:03:00 ERROR user=bob action=pay amount=5.00 err=declined
# comment line
2024-01-01 10:04:00 INFO  user=alice action=logout
"""

def read_lines(text):
    for line in text.splitlines():
        yield line

def skip_comments(lines):
    return (l for l in lines if l and not l.startswith("#"))

def parse(lines):
    for l in lines:
        date, time_, level, *pairs = l.split()
        rec = dict(p.split("=", 1) for p in pairs)
        rec.update(date=date, time=time_, level=level)
        yield rec

def where(recs, **conds):
    for r in recs:
        if all(r.get(k) == v for k, v in conds.items()):
            yield r

records = list(parse(skip_comments(read_lines(LOG))))
print(len(records))
for r in where(records, level="ERROR"):
    print(f"{r['time']} {r['user']:>6} {r['err']:<9} ${float(r['amount']):>6.2f}")
by_level = {}
for r in records:
    by_level[r["level"]] = by_level.get(r["level"], 0) + 1
print(by_level)
users = sorted({r["user"] for r in records})
print(users)
for u in users:
    acts = [r["action"] for r in where(records, user=u)]
    print(f"{u}: {' -> '.join(acts)}")
total = sum(float(r.get("amount", 0)) for r in records)
print(f"attempted payments: {total:.2f}")

def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
def naturals():
    n = 1
    while True:
        yield n
        n += 1
def squares(it):
    for x in it:
        yield x * x
def evens(it):
    return (x for x in it if x % 2 == 0)
print(list(take(5, evens(squares(naturals())))))
pipeline = naturals()
for stage in (squares, evens):
    pipeline = stage(pipeline)
print(next(pipeline), next(pipeline), sum(take(3, pipeline)))
g = (x for x in [1, 2])
print(g.__name__, type(g).__name__, hasattr(g, "send"))
