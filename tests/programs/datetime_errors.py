# The errors of the datetime module, with CPython's messages.
from datetime import date, datetime, time, timedelta, timezone

tests = ["date()", "date(2020)", "date(2020,1,1,1)", "date('2020',1,1)", "date(2020.0,1,1)", "date(2020,13,1)",
         "date(2023,2,29)", "date(0,1,1)", "date(10000,1,1)", "date(2020,1,1,year=3)", "date(2020,1,foo=1)",
         "date(2020, 1, day=2, month=3)", "datetime(2020,1,1,24)", "datetime(2020,1,1,1,60)", "datetime(2020,1,1,1,1,60)",
         "datetime(2020,1,1,1,1,1,10**6)", "datetime(2020,1,1,fold=2)", "datetime(2020,1,1,tzinfo=1)",
         "datetime(2020,1,1,1,1,1,1,None,1)", "time(25)", "time(-1)", "timedelta('1')", "timedelta(days=10**9)",
         "timedelta(1)/0", "timedelta(1)//0", "timedelta(1)%timedelta(0)", "date(2020,1,1)+1", "date(2020,1,1)-1",
         "date(2020,1,1)<1", "datetime(2020,1,1)<date(2020,1,1)", "date(2020,1,1)<datetime(2020,1,1)",
         "datetime(2020,1,1)-datetime(2020,1,1,tzinfo=timezone.utc)", "date.max+timedelta(1)", "date.min-timedelta(1)",
         "datetime.max+timedelta(microseconds=1)", "date(2020,1,1).replace(month=13)", "date.fromisoformat(5)",
         "date(2020,1,1).isoformat(1)", "datetime(2020,1,1).isoformat(timespec='x')", "timezone(timedelta(hours=24))",
         "timezone(5)", "timedelta(1)*timedelta(1)", "timedelta(1)+1", "date.fromordinal(0)", "date(2020,1,1).strftime(1)",
         "time(1)+timedelta(1)", "timedelta(1)*10**9", "time(1)<time(2,tzinfo=timezone.utc)", "date.today(1)",
         "date(2020,1,1).weekday(1)", "datetime.now(1)", "datetime.combine(1,2)", "timedelta.max+timedelta(1)",
         "date(2020,1,1)-datetime(2020,1,1)", "date.fromisocalendar(2020, 54, 1)", "date.fromisocalendar(2020, 1, 8)",
         "datetime.strptime('2020', '%d')", "datetime.strptime(2020, '%Y')", "len(date(2020,1,1))"]
for t in tests:
    try:
        print(t, "->", repr(eval(t)))
    except Exception as e:
        print(t, "!!", type(e).__name__, e)
print(datetime(2020, 1, 1) == datetime(2020, 1, 1, tzinfo=timezone.utc), date(2020, 1, 1) == datetime(2020, 1, 1))
date(2024, 2, 30)
