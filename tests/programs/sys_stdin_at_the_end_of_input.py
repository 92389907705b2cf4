import sys
print(sys.stdin, sys.stdin.name, sys.stdin.mode, sys.stdin.isatty(), sys.stdout.isatty())
words = sys.stdin.read().split()
print(words, repr(sys.stdin.readline()), sys.stdin.readlines())
count = 0
for line in sys.stdin:
    count += 1
print("lines:", count, sys.__stdin__ is sys.stdin)
try:
    answer = input("name? ")
except EOFError as e:
    print("\nno input:", e)
