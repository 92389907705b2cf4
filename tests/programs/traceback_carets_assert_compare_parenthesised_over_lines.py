a = 1; b = 0; lst = [1]
assert (a <
   b)
