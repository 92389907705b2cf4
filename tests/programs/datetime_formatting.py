# Formatting dates and times: str, repr, isoformat, strftime, format specs.
from datetime import date, datetime, time, timezone, timedelta

d = date(2024, 1, 5)
dt = datetime(2024, 1, 5, 9, 30)
print(d, repr(d), dt, repr(dt), repr(datetime(2024, 1, 5, 9, 30, 15)), repr(datetime(2024, 1, 5, 9, 30, 0, 250)))
print(d.isoformat(), dt.isoformat(), dt.isoformat(" "), dt.isoformat(timespec="minutes"))
for spec in ("auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"):
    print(spec, datetime(2024, 7, 1, 13, 5, 9, 123456).isoformat(timespec=spec), time(13, 5, 9, 1500).isoformat(spec))
fmt = "%Y %m %d %H %M %S %f %j %a %A %b %B %p %I %y %Z %z %% %U %W"
print(d.strftime(fmt))
print(datetime(2024, 12, 31, 23, 59, 1, 42).strftime(fmt))
print(datetime(2024, 6, 1, 0, 0, tzinfo=timezone(timedelta(hours=5, minutes=30))).strftime(fmt))
print(dt.strftime("%c | %x | %X"), d.ctime(), dt.ctime())
print(f"{d:%d/%m/%Y}", f"{dt:%H:%M}", f"{d}", format(dt, ""), "{:%B %d, %Y}".format(d))
print(time(9, 30), repr(time(9, 30)), repr(time(9, 30, 5)), repr(time(0, 0, 0, 1)), time(23, 59, 59).strftime("%I:%M %p"))
aware = datetime(2024, 3, 10, 8, 0, tzinfo=timezone.utc)
print(aware, repr(aware), aware.isoformat(), aware.tzname(), aware.utcoffset())
est = timezone(timedelta(hours=-5), "EST")
print(repr(est), str(est), repr(timezone(timedelta(hours=2))), timezone(timedelta(hours=2)), timezone(timedelta(0)) is timezone.utc)
print(repr(datetime(2024, 3, 10, 8, tzinfo=est)), datetime(2024, 3, 10, 8, tzinfo=est), datetime(2024, 1, 1, fold=1).__repr__())
print(date.min, date.max, datetime.min, datetime.max, time.min, time.max, date.resolution, timezone.min, timezone.max)
print(d.timetuple(), dt.timetuple().tm_yday)
