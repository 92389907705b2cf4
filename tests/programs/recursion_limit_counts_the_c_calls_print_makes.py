# CPython counts C calls toward the recursion limit: print() converts its
# arguments with str() and calls the file's write(), each one level deeper
# than its caller, so at the deepest level print fails ("while calling a
# Python object", or "while getting the str of an object" for a non-str
# argument) where a plain call would still succeed, and a __str__ that
# print calls runs one level deeper still.
import sys
def plain(n):
    try:
        return plain(n + 1)
    except RecursionError as e:
        return n, e.args[0]
def printing(n):
    try:
        print(end="")
        return printing(n + 1)
    except RecursionError as e:
        return n, e.args[0]
def printing_int(n):
    try:
        print(n, end="\r" if False else "")
        return printing_int(n + 1)
    except RecursionError as e:
        return n, e.args[0]
class Loud:
    def __str__(self):
        return ""
def printing_obj(n):
    try:
        print(Loud(), end="")
        return printing_obj(n + 1)
    except RecursionError as e:
        return n, e.args[0]
def via_lambda(n, call=lambda: print(end="")):
    try:
        call()
        return via_lambda(n + 1)
    except RecursionError as e:
        return n, e.args[0]
print(plain(0))
print(printing(0))
print(via_lambda(0))
sys.setrecursionlimit(60)
print(plain(0), printing(0))
out = printing_int(0)
print()
print(out)
print(printing_obj(0))
sys.setrecursionlimit(1000)
print(printing(0))
