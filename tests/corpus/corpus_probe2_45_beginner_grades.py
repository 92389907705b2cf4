# Student grade program - Week 5 homework
students = {}
students["alice"] = [88, 92, 79, 93]
students["bob"] = [72, 65, 80]
students["charlie"] = [95, 98, 100, 91, 89]
students["dana"] = []

def average(l):
    total = 0
    for i in range(len(l)):
        total = total + l[i]
    return total / len(l)

def letter(avg):
    if avg >= 90:
        return "A"
    elif avg >= 80:
        return "B"
    elif avg >= 70:
        return "C"
    elif avg >= 60:
        return "D"
    else:
        return "F"

print("Student Report")
print("==============")
for name in students:
    grades = students[name]
    if len(grades) == 0:
        print(name.capitalize() + ": no grades")
        continue
    avg = average(grades)
    print(name.capitalize() + ": " + str(round(avg, 2)) + " (" + letter(avg) + ")")
    print("   highest:", max(grades), "lowest:", min(grades))

best = ""
best_avg = 0
for name in students:
    if students[name] != []:
        if average(students[name]) > best_avg:
            best_avg = average(students[name])
            best = name
print("Best student is", best, "with", best_avg)

all_grades = []
for name in students:
    for g in students[name]:
        all_grades.append(g)
all_grades.sort()
print("All grades:", all_grades)
print("Median:", all_grades[len(all_grades)//2])
print("Class average: %.2f" % average(all_grades))
count = 0
for g in all_grades:
    if g >= 90: count += 1
print(count, "grades are A's")
print("Percentage of A's: " + str(count / len(all_grades) * 100) + "%")
i = 0
while i < 3:
    print("Loop", i)
    i = i + 1
if best == "charlie" and best_avg > 90 or False:
    print("Charlie wins!")
print(average(students["dana"]))
