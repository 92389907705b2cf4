# Subclassing date and datetime; what the objects cost: sizes, tracking, refcounts.
import gc
import sys
from datetime import date, datetime, time, timedelta, timezone


class Birthday(date):
    def weekday_name(self):
        return self.strftime("%A")

    def next_after(self, day):
        nxt = self.replace(year=day.year)
        return nxt if nxt >= day else nxt.replace(year=day.year + 1)


class Stamp(datetime):
    def label(self):
        return f"[{self:%H:%M}]"


b = Birthday(1990, 7, 14)
print(b, repr(b), b.weekday_name(), b.next_after(date(2024, 8, 1)), type(b + timedelta(1)).__name__, type(b.replace(day=1)).__name__)
s = Stamp(2024, 1, 5, 9, 30)
print(s, repr(s), s.label(), type(s + timedelta(hours=1)).__name__, type(s - timedelta(1)).__name__, s - datetime(2024, 1, 1))
print(isinstance(b, date), issubclass(Stamp, date), type(Stamp.now()).__name__, type(Birthday.today()).__name__)
print(type(Stamp.fromisoformat("2024-01-05T10:00")).__name__, type(Stamp.strptime("2024", "%Y")).__name__)
objs = [date(2024, 1, 5), datetime(2024, 1, 5), datetime(2024, 1, 5, tzinfo=timezone.utc), time(1), timedelta(1),
        timezone(timedelta(hours=1)), b, s]
for o in objs:
    print(type(o).__name__, sys.getsizeof(o), o.__sizeof__(), gc.is_tracked(o), sys.getrefcount(o))
d = date(2024, 1, 5)
alias = d
print(sys.getrefcount(d))
pairs = [d, d, d]
print(sys.getrefcount(d))
del pairs, alias
print(sys.getrefcount(d))
dt = datetime(2024, 1, 5, tzinfo=timezone(timedelta(hours=3)))
tz = dt.tzinfo
print(sys.getrefcount(tz))
copies = [dt.replace(hour=h) for h in range(5)]
print(sys.getrefcount(tz))
del copies
print(sys.getrefcount(tz))
print(gc.get_referents(d) == [] or True, date.__name__, date.__module__, datetime.__mro__)
try:
    d.year = 2000
except AttributeError as e:
    print("AttributeError")
