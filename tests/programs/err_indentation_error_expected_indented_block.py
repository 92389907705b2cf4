# IndentationError: an if statement with no indented body
print('never printed')
value = 3
if value > 2:
print('body is not indented')
total = 0
for i in range(3):
    total += i
print(total)
print('end')
