# TypeError when a call leaves out a required positional argument
def area(width, height):
    return width * height


print('area(2, 3) =', area(2, 3))
print('area(height=4, width=5) =', area(height=4, width=5))
sizes = [(1, 2), (3, 4)]
for s in sizes:
    print(s, area(s[0], s[1]))
print(area(7))
