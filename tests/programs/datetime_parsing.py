# Parsing strings: strptime and fromisoformat.
from datetime import date, datetime, time

samples = [("2024-01-05", "%Y-%m-%d"), ("05/01/2024 14:30", "%d/%m/%Y %H:%M"), ("March 5, 2023", "%B %d, %Y"),
           ("mar 5 23", "%b %d %y"), ("3/4/21 1:05 PM", "%m/%d/%y %I:%M %p"), ("12 AM", "%I %p"),
           ("2024-01-05T09:30:00+0530", "%Y-%m-%dT%H:%M:%S%z"), ("2024-01-05 09:30:00 -08:00", "%Y-%m-%d %H:%M:%S %z"),
           ("20240105", "%Y%m%d"), ("2024 100", "%Y %j"), ("12:30:45.5", "%H:%M:%S.%f"), ("Fri Jan  5 00:00:00 2024", "%c"),
           ("Friday 5 January 2024", "%A %d %B %Y"), ("10%", "%d%%"), ("2024-01-05Z", "%Y-%m-%d%z"), ("1 2", "%m   %d")]
for text, fmt in samples:
    r = datetime.strptime(text, fmt)
    print(repr(text), "->", repr(r))
for text, fmt in [("2024-02-30", "%Y-%m-%d"), ("2024/01/05", "%Y-%m-%d"), ("2024-01-05 10", "%Y-%m-%d"), ("x", "%Q"),
                  ("7", "%"), ("25:00", "%H:%M")]:
    try:
        datetime.strptime(text, fmt)
    except ValueError as e:
        print("ValueError:", e)
for s in ["2024-01-05", "20240105", "2024-W01-1", "2024W015", "2020-W53"]:
    print(s, date.fromisoformat(s))
for s in ["2024-01-05T09:30", "2024-01-05 09:30:15.5", "2024-01-05T09:30:00.123456789", "20240105T093000Z",
          "2024-01-05T09:30+05:30", "2024-01-05T09:30:00-08:00", "2024-01-05", "2024-01-05T09", "2024-01-05T0930"]:
    print(s, repr(datetime.fromisoformat(s)))
for s in ["09:30", "T0930", "09:30:15.25", "09:30+01:00", "23:59:59,999"]:
    print(s, repr(time.fromisoformat(s)))
for bad in ["2024-1-5", "2024/01/05", "", "2024-01-05T", "2024-01-05T9:30", "09:3x"]:
    for cls in (date, datetime, time):
        try:
            cls.fromisoformat(bad)
        except ValueError as e:
            print(cls.__name__, "ValueError:", e)
