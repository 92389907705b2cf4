print("before")
try:
    input("prompt> ")
except EOFError as e:
    print("EOFError:", e, type(e).__mro__)
name = input("Your name: ")
print("never")
