import sys

# SystemExit carries the exit status: None means 0, an int is the status,
# anything else is printed to stderr and the status is 1.
for args in [(), (4,), ("bye",), (1, 2)]:
    try:
        raise SystemExit(*args)
    except SystemExit as e:
        print(len(args), e.code, e.args)
try:
    sys.exit(7)
except SystemExit as e:
    print("sys.exit:", e.code, type(e).__name__)
print("leaving with a message")
sys.exit("bye from the program")
