print(exit, type(quit).__name__, repr(quit), callable(exit))


def menu(choices):
    for c in choices:
        if c == "q":
            print("bye")
            exit()
        print("chose", c)


try:
    menu(["a", "q", "b"])
except SystemExit as e:
    print("caught", repr(e.code), type(e).__name__)
try:
    quit(3)
except SystemExit as e:
    print("code", e.code)
print("leaving with code 4")
exit(4)
print("never printed")
