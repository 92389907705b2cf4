# Time zones: timezone, a tzinfo subclass, aware arithmetic and comparison.
from datetime import datetime, timedelta, timezone, tzinfo, time, UTC
import gc

utc = timezone.utc
ist = timezone(timedelta(hours=5, minutes=30), "IST")
pst = timezone(-timedelta(hours=8))
meeting = datetime(2024, 3, 1, 15, 0, tzinfo=utc)
for tz in (ist, pst, utc):
    local = meeting.astimezone(tz)
    print(local, local.tzname(), local.utcoffset(), local.dst(), local == meeting)
print(datetime(2024, 3, 1, 20, 30, tzinfo=ist) - meeting, datetime(2024, 3, 1, 7, tzinfo=pst) < meeting)
print(meeting.timestamp(), datetime.fromtimestamp(1709305200, tz=ist), datetime.fromtimestamp(0, utc))
print(UTC is utc, utc.utcoffset(None), ist.tzname(None), pst.tzname(None), ist == timezone(timedelta(hours=5.5)))


class Fixed(tzinfo):
    def __init__(self, hours, name):
        self.off = timedelta(hours=hours)
        self.name = name

    def utcoffset(self, dt):
        return self.off

    def dst(self, dt):
        return timedelta(0)

    def tzname(self, dt):
        return self.name

    def __repr__(self):
        return f"Fixed({self.name})"


cet = Fixed(1, "CET")
x = datetime(2024, 1, 5, 12, 0, tzinfo=cet)
print(x, repr(x), x.tzname(), x.utcoffset(), x.strftime("%H:%M %Z %z"), gc.is_tracked(cet), gc.is_tracked(x))
print(x.astimezone(utc), meeting.astimezone(cet), x - datetime(2024, 1, 5, 11, tzinfo=utc))
print(time(9, 0, tzinfo=ist), repr(time(9, 0, tzinfo=ist)), time(9, 0, tzinfo=ist).utcoffset(), time(9, tzinfo=cet).tzname())
print(x.replace(tzinfo=None), x.replace(tzinfo=None) == datetime(2024, 1, 5, 12), x == x.replace(tzinfo=None))
try:
    x < datetime(2024, 1, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    x - datetime(2024, 1, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    tzinfo().utcoffset(None)
except NotImplementedError as e:
    print("NotImplementedError:", e)
print({meeting: "a"}[datetime(2024, 3, 1, 20, 30, tzinfo=ist)])
