# A schedule: sorting events, grouping by day, dicts keyed by dates, combine.
from datetime import date, datetime, time, timedelta

events = [("Dentist", datetime(2024, 5, 3, 14, 30)), ("Standup", datetime(2024, 5, 2, 9, 15)),
          ("Lunch", datetime(2024, 5, 2, 12, 0)), ("Review", datetime(2024, 5, 3, 9, 0)),
          ("Gym", datetime(2024, 5, 1, 18, 45))]
events.sort(key=lambda e: e[1])
by_day = {}
for name, when in events:
    by_day.setdefault(when.date(), []).append((when.time(), name))
for day in sorted(by_day):
    print(day.strftime("%a %d %b"), [f"{t:%H:%M} {n}" for t, n in by_day[day]])
print(sorted(by_day, reverse=True))
start = datetime.combine(date(2024, 5, 6), time(9, 0))
slot = timedelta(minutes=45)
for i in range(5):
    s = start + i * slot
    print(f"slot {i}: {s:%H:%M}-{s + slot:%H:%M}", s.weekday(), s.isoweekday(), s.isocalendar())
lessons = [date(2024, 9, 2) + timedelta(weeks=w) for w in range(4)]
print(lessons, [d.isocalendar().week for d in lessons])
deadline = datetime(2024, 6, 1, 23, 59)
for name, when in events:
    left = deadline - when
    print(name, left, left.days, left.seconds // 3600)
print(min(events, key=lambda e: e[1]), max(e[1] for e in events))
print(date(2024, 1, 5).toordinal(), date.fromordinal(738890), date.fromisocalendar(2024, 1, 5), date(2021, 1, 1).isocalendar())
print(date(2024, 12, 30).isocalendar(), date(2024, 2, 29).replace(year=2028), datetime(2024, 1, 31, 8).replace(month=4, day=30, hour=9))
first_mondays = [d for d in (date(2024, m, 1) + timedelta(days=(7 - date(2024, m, 1).weekday()) % 7) for m in range(1, 13))]
print([d.day for d in first_mondays])
print(date(2024, 5, 2) in by_day, len(set([date(2024, 1, 1), date(2024, 1, 1), date(2024, 1, 2)])))
