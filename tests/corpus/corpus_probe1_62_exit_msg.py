import sys
print("validating")
errors = ["missing name", "bad age"]
if errors:
    sys.exit("Error: " + "; ".join(errors))
print("unreachable")
