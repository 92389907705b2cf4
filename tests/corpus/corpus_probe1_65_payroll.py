from abc import ABC, abstractmethod

class Employee(ABC):
    raise_pct = 1.04
    num_employees = 0

    def __init__(self, first, last):
        self.first = first
        self.last = last
        Employee.num_employees += 1

    @property
    def email(self):
        return f"{self.first}.{self.last}@company.com".lower()

    @property
    def fullname(self):
        return f"{self.first} {self.last}"

    @fullname.setter
    def fullname(self, name):
        self.first, self.last = name.split(" ")

    @abstractmethod
    def pay(self): ...

    @classmethod
    def set_raise(cls, pct):
        cls.raise_pct = pct

    @classmethod
    def from_string(cls, s, *extra):
        first, last, *rest = s.split("-")
        return cls(first, last, *map(float, rest), *extra)

    @staticmethod
    def is_workday(day_index):
        return day_index % 7 not in (5, 6)

    def __str__(self):
        return f"{self.fullname:<15} {type(self).__name__:<10} ${self.pay():>10,.2f}"

class Salaried(Employee):
    def __init__(self, first, last, salary):
        super().__init__(first, last)
        self.salary = salary
    def pay(self):
        return self.salary / 12
    def apply_raise(self):
        self.salary = int(self.salary * self.raise_pct)

class Hourly(Employee):
    def __init__(self, first, last, rate, hours=160.0):
        super().__init__(first, last)
        self.rate, self.hours = rate, hours
    def pay(self):
        overtime = max(0, self.hours - 160)
        return self.rate * min(self.hours, 160) + overtime * self.rate * 1.5

class Manager(Salaried):
    def __init__(self, first, last, salary, reports=None):
        super().__init__(first, last, salary)
        self.reports = reports or []
    def add(self, *emps):
        self.reports.extend(e for e in emps if e not in self.reports)
    def pay(self):
        return super().pay() + 100 * len(self.reports)

staff = [Salaried("Corey", "Schafer", 50000), Hourly.from_string("Jane-Doe-25.5-172"),
         Hourly("Bob", "Ross", 18)]
mgr = Manager("Sue", "Smith", 90000)
mgr.add(*staff, staff[0])
staff.append(mgr)
for e in staff:
    print(e)
Employee.set_raise(1.10)
for e in staff:
    if isinstance(e, Salaried):
        e.apply_raise()
print([getattr(e, "salary", None) for e in staff], Salaried.raise_pct, Hourly.raise_pct)
print(staff[1].email, staff[0].fullname)
staff[0].fullname = "Corey Smith"
print(staff[0].email, Employee.num_employees, Employee.is_workday(5), Employee.is_workday(8))
print(f"Payroll total: ${sum(e.pay() for e in staff):,.2f}")
print(sorted(staff, key=lambda e: e.pay())[0].fullname, len(mgr.reports))
print(Manager.__mro__[1:3], Manager.pay is not Salaried.pay)
try:
    Employee("a", "b")
except TypeError as err:
    print(err)
