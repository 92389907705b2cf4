# IndentationError: a line indented for no reason (nothing runs, not even the first print)
print('this is never printed because the file does not compile')
x = 1
    y = 2
print(x, y)
a = 3
b = 4
c = 5
print(a + b + c)
print('end')
