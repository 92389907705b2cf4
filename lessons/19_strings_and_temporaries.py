# ---
# title: Strings and temporaries
# summary: Strings never change, so every + builds a new one; join builds the result once.
# options: show-primitives
# ---
#> Strings are immutable: an operation that "changes" one builds a new string.
#> Here strings are drawn as heap objects, so every new one is visible.
a, b, c, d = "alpha", "bravo", "charl", "delta"
#> a + b + c + d is evaluated left to right. a + b makes a temporary of 10
#> characters, adding c makes another of 15, adding d the final 20. Each
#> temporary is freed as soon as the next + has used it.
whole = a + b + c + d
#> The same steps spelled out, so we can measure them.
step1 = a + b
step2 = step1 + c
step3 = step2 + d
print(len(step1), len(step2), len(step3))
#? How many characters were built to get one 20-character string? | 45 | 10 + 15 + 20: every intermediate result is a full copy.
print("characters built:", len(step1) + len(step2) + len(step3))
del step1, step2, step3
#> join measures all the pieces first and builds the result exactly once.
joined = "".join([a, b, c, d])
#> format() and f-strings also build the result in one go.
formatted = "{}{}{}{}".format(a, b, c, d)
fstring = f"{a}{b}{c}{d}"
print(joined == whole, formatted == whole, fstring == whole)


def read_chunks():
    #> Stands in for reading a file piece by piece.
    return ["line one;", "line two;", "line three;", "line four;"]


#> Growing a string with += in a loop: each round copies everything so far.
s = ""
copied = 0
for chunk in read_chunks():
    #> CPython sometimes cheats: when the name s holds the only reference, +=
    #> may grow the string in place. That is an implementation detail (other
    #> Pythons do not, and a second reference to s defeats it): do not rely on it.
    s += chunk
    copied += len(s)
#? Which is larger: len(s) or the characters copied? | copied | Each round recopies the whole prefix, so the work grows with the square of the length.
print("length:", len(s), "- characters copied:", copied)
#> The join version copies each character once.
t = "".join(read_chunks())
print("same text:", t == s, "- characters copied:", len(t))
#= Concatenating with + in a loop creates and frees one temporary string per
#= step and copies the text over and over. Collect the pieces in a list and
#= join them, or use format()/f-strings. Strings hold no references, so the
#= cycle detector never tracks them: temporaries are freed by counting alone.
