# ---
# title: Strings and temporaries
# summary: Strings never change, so every + builds a new one; join builds the result once.
# options: show-primitives, show-sizes
# ---
import sys

#> Strings are immutable: an operation that "changes" one builds a new string.
#> Here strings are drawn as heap objects, so every new one is visible.
a, b, c, d = "alpha", "bravo", "charl", "delta"
#> a's length, then its size in bytes as sys.getsizeof gives it.
print(len(a), sys.getsizeof(a))
#> a + b + c + d is evaluated left to right. a + b makes a temporary of 10
#> characters, adding c makes another of 15, adding d the final 20. Each
#> temporary is freed as soon as the next + has used it.
whole = a + b + c + d
#? a is 54 bytes for 5 characters. How many bytes will step1 = a + b, with 10 characters, be? | 59 | Not 108: a string of ASCII text costs a fixed 49 bytes (a 48-byte header with its length, hash and kind, and a closing zero byte) plus one byte per character. 5 more characters, 5 more bytes. | hide: none | hint: A string's size is a fixed part plus one byte per character. Work out the fixed part from a: 54 bytes for 5 characters.
#> The same steps spelled out, so we can measure them: a + b, 10 characters,
step1 = a + b
#> then 15 characters, copying step1 again,
step2 = step1 + c
#> then the final 20, copying step2 again.
step3 = step2 + d
print(len(step1), len(step2), len(step3))
print(sys.getsizeof(step1), sys.getsizeof(step2), sys.getsizeof(step3))
#? How many characters were built to get one 20-character string? | 45 | 10 + 15 + 20: every intermediate result is a full new string. | hide: none | hint: Every + built a complete new string, the final one included. Count the characters of each string the three step lines made.
print("characters built:", len(step1) + len(step2) + len(step3))
#> In bytes: three strings, 192 bytes allocated, for a result of 69.
print("bytes built:", sys.getsizeof(step1) + sys.getsizeof(step2) + sys.getsizeof(step3))
del step1, step2, step3
#> join measures all the pieces first and builds the result exactly once.
joined = "".join([a, b, c, d])
#> format() also builds the result in one go...
formatted = "{}{}{}{}".format(a, b, c, d)
#> ...and so does an f-string.
fstring = f"{a}{b}{c}{d}"
print(joined == whole, formatted == whole, fstring == whole)


def read_chunks():
    #> Stands in for reading a file piece by piece.
    return ["line one;", "line two;", "line three;", "line four;"]


#> Growing a string with += at module level, where s is a global name.
#> CPython 3.11 builds a new string every round: it copies the old text and
#> the chunk into it, then frees the old string.
s = "log:"
copied = 0
allocated = 0
for chunk in read_chunks():
    #> A new, longer string appears and s names it; the previous one loses its
    #> name and is freed (except "log:", a constant the code itself keeps).
    s += chunk
    copied += len(s)
    allocated += sys.getsizeof(s)
#? Which is larger: len(s) or the characters copied? | the characters copied | Each round recopies the whole text so far, so the work grows with the square of the length. | choices: len(s); the characters copied; they are equal | hide: none | hint: copied grows by the whole length of s after every round, not just by the new chunk. Compare that sum with the final length.
print("length:", len(s), "- characters copied:", copied)
#> Each round's string was a new block of memory, allocated, then freed a
#> round later: 4 blocks to end with one.
print("bytes built:", allocated, "- final string:", sys.getsizeof(s))
#> The join version copies each character once, into one string.
t = "".join(["log:"] + read_chunks())
print("same text:", t == s, "- characters copied:", len(t), "- final string:", sys.getsizeof(t))


def build(chunks):
    text = "log:"
    for chunk in chunks:
        #> Here text is a function's local. For that case CPython 3.11 has a
        #> shortcut: once the code has warmed up (its call and seven rounds of
        #> the loop), += on a string nothing else refers to resizes it in
        #> place. The first seven rounds build a new string each; from the
        #> eighth on, EVENTS says "grows in place": the same str, a bigger block.
        text += chunk
    return text


#> The same appends, in a function this time, three times over: build()
#> grows its local text twelve times.
u = build(read_chunks() * 3)
#> The shortcut matters for long loops: in our tests with python3.11, 20,000
#> appends of 100 characters took over a minute at module level and under
#> 30 ms in a function. Still, it is a CPython detail: do not rely on it.
print("same text from a function:", u == "log:" + "".join(read_chunks() * 3))
#= Concatenating with + in a loop creates and frees one temporary string per
#= step and copies the text over and over (CPython 3.11 resizes in place only
#= a function's local variable, once its code has warmed up, and only while
#= nothing else refers to the string). Collect the pieces in a list and join
#= them, or use format()/f-strings. Strings hold no references, so the cycle
#= detector never tracks them: temporaries are freed by counting alone.
