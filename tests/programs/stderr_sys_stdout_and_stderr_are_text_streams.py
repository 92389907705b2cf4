import sys
n = sys.stdout.write("direct write\n")
print(n, sys.stdout.name, sys.stderr.name, sys.stdout.encoding, sys.stdout is sys.__stdout__)
sys.stdout.write("no newline ")
print("then print")
sys.stderr.write("to stderr\n")
print("x", file=sys.stdout)
print("y", file=sys.stderr)
sys.stdout.writelines(["a\n", "b\n"])
sys.stdout.flush()
print(repr(sys.stdout))
try:
    sys.stdout.write(5)
except TypeError as e:
    print(e)
def log(msg, stream=sys.stdout):
    stream.write(f"[log] {msg}\n")
log("hello")
log("oops", sys.stderr)
