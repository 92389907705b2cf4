from operator import itemgetter, attrgetter
from functools import cmp_to_key

students = [
    {"name": "alice", "grade": 88, "age": 20},
    {"name": "Bob", "grade": 95, "age": 22},
    {"name": "carol", "grade": 88, "age": 19},
    {"name": "dave", "grade": 72, "age": 21},
    {"name": "Eve", "grade": 95, "age": 20},
]
print([s["name"] for s in sorted(students, key=itemgetter("grade"))])
print([s["name"] for s in sorted(students, key=lambda s: (-s["grade"], s["name"]))])
print([s["name"] for s in sorted(students, key=lambda s: s["name"].lower())])
print(sorted(s["name"] for s in students))
print(sorted(students, key=itemgetter("grade", "age"), reverse=True)[0])

class Emp:
    def __init__(self, name, dept, salary):
        self.name, self.dept, self.salary = name, dept, salary
    def __repr__(self):
        return f"Emp({self.name}, {self.dept}, {self.salary})"

emps = [Emp("z", "eng", 100), Emp("a", "ops", 90), Emp("m", "eng", 120), Emp("b", "ops", 90)]
print(sorted(emps, key=attrgetter("dept", "salary")))
emps.sort(key=attrgetter("salary"), reverse=True)
print(emps)

def compare(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
words = ["banana", "kiwi", "apple", "fig", "cherry", "date"]
print(sorted(words, key=cmp_to_key(compare)))
print(sorted(words, key=len), sorted(words, key=lambda w: w[-1]))
data = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(sorted(data), sorted(data, reverse=True), data)
data.sort(); print(data)
print(sorted("Hello World"), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(sorted({3: "c", 1: "a", 2: "b"}.items(), key=itemgetter(1), reverse=True))
print(max(students, key=itemgetter("grade"))["name"], min(data), max("abc", "abd", key=len))

def bubble(a):
    a = a[:]
    n = len(a)
    for i in range(n):
        swapped = False
        for j in range(n - i - 1):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
        if not swapped:
            break
    return a

def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    l, r = merge_sort(a[:mid]), merge_sort(a[mid:])
    out = []
    i = j = 0
    while i < len(l) and j < len(r):
        if l[i] <= r[j]:
            out.append(l[i]); i += 1
        else:
            out.append(r[j]); j += 1
    return out + l[i:] + r[j:]

def quick(a):
    if len(a) < 2:
        return a
    p, *rest = a
    return quick([x for x in rest if x < p]) + [p] + quick([x for x in rest if x >= p])

arr = [38, 27, 43, 3, 9, 82, 10, -5, 0, 27]
print(bubble(arr), merge_sort(arr), quick(arr), sep="\n")
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
print(sorted([2.5, 1, True, -3]), sorted([[2, 1], [1, 9], [1, 2, 3]]))
