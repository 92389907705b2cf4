import sys

def main(argv):
    print("args:", argv[1:])
    config = {"retries": 3}
    if config["retries"] > 2:
        print("too many retries", file=sys.stderr)
        return 3
    return 0

try:
    sys.exit(0)
except SystemExit as e:
    print("caught SystemExit", e.code)
try:
    sys.exit("fatal")
except SystemExit as e:
    print("caught SystemExit", repr(e.code))
try:
    raise SystemExit(5)
except BaseException as e:
    print(type(e).__name__, e.args, isinstance(e, Exception))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))
code = main(["prog"])
print("exiting with", code)
sys.exit(code)
