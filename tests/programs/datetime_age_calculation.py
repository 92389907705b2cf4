# Age calculation and days until a date, as teaching programs write them.
from datetime import date, timedelta


def age_on(birthday, today):
    years = today.year - birthday.year
    if (today.month, today.day) < (birthday.month, birthday.day):
        years -= 1
    return years


def days_until(target, today):
    nxt = target.replace(year=today.year)
    if nxt < today:
        nxt = nxt.replace(year=today.year + 1)
    return (nxt - today).days


today = date(2024, 3, 15)
people = {"Ada": date(1815, 12, 10), "Alan": date(1912, 6, 23), "Grace": date(1906, 12, 9), "Leap": date(2000, 2, 29)}
for name, born in people.items():
    print(f"{name:6} born {born} ({born.strftime('%A')}) is {age_on(born, today)}")
for name, born in people.items():
    if born.month == 2 and born.day == 29:
        continue
    print(name, "birthday in", days_until(born, today), "days")
print(today - date(2024, 1, 1), (date(2025, 1, 1) - today).days)
print(today + timedelta(days=100), today - timedelta(weeks=52))
print(type(today - today), repr(today - date(2023, 3, 15)))
print(date.today() >= today, type(date.today()).__name__)
