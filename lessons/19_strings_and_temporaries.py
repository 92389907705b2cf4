# ---
# title: Strings and temporaries
# summary: Strings never change, so every + builds a new one; join builds the result once.
# options: show-primitives, show-sizes
# ---
import sys

#> Strings are immutable: an operation that "changes" one builds a new string.
#> Here strings are drawn as heap objects, so every new one is visible. First
#> four words of 5 characters. Each word's count is 3: its name, and two
#> references CPython keeps to every literal while the file runs (from the
#> compiled code and from the parsed source).
a = "pear "
b = "plum "
c = "kiwi "
d = "lime."
#> a's length, then its size in bytes as sys.getsizeof gives it (its box
#> shows it too). To write a number, print first turns it into a short
#> string, and frees that at once: EVENTS lists the two.
print(len(a), sys.getsizeof(a))
#? a is 54 bytes for 5 characters. How many bytes will step1 = a + b, with 10 characters, be? | 59 | Not 108: a string of ASCII text costs a fixed 49 bytes (a 48-byte header with its length, hash and kind, and a closing zero byte) plus one byte per character. 5 more characters, 5 more bytes. | hide: none | hint: A string's size is a fixed part plus one byte per character. Work out the fixed part from a: 54 bytes for 5 characters.
#> Joining the four words one + at a time: a + b makes a new string of 10
#> characters,
step1 = a + b
#> step1 + c makes another, of 15 characters: step1's 10 are copied again,
#> with c's 5,
step2 = step1 + c
#> and step2 + d the final 20: step2's 15 copied again, with d's 5.
step3 = step2 + d
print(len(step1), len(step2), len(step3))
#? How many characters were built to get one 20-character string? | 45 | 10 + 15 + 20: every intermediate result is a full new string. In bytes, 59 + 64 + 69 = 192, for a result of 69. | hide: none | hint: Every + built a complete new string, the final one included. Count the characters of each string the three step lines made.
#> The characters built, then the bytes the three strings took.
print("characters", len(step1) + len(step2) + len(step3), "bytes", sys.getsizeof(step1) + sys.getsizeof(step2) + sys.getsizeof(step3))
del step1, step2, step3
#> The same chain in one expression. It runs left to right: a + b makes a
#> temporary string that no name holds, + c another, + d the final one. Each
#> temporary is freed as soon as the next + has used it: EVENTS lists two
#> strings created and freed before whole gets the third.
whole = a + b + c + d
#> join measures all the pieces first and builds the result once (the list of
#> pieces is a temporary of its own).
joined = "".join([a, b, c, d])
#> An f-string also builds its result in one go, and so does format().
fstring = f"{a}{b}{c}{d}"
#> Three strings with the same text, 69 bytes each: only whole needed
#> temporaries on the way.
print(whole, joined, fstring)
del whole, joined, fstring


def read_chunks():
    #> Stands in for reading a file piece by piece: here, three more words.
    return [b, c, d]


#> Growing a string with += at module level, where s is a global name. CPython
#> 3.11 builds a new string every round: it copies the old text and the chunk
#> into it, then the old string loses the name s.
s = a
#? The loop will run three rounds, each making a longer string. When it ends, how many of those three strings will still be alive? | 1 | Each round's string loses the name s to the next one, and with no reference left it is freed at once: only the last is alive, named s. The copying stays: 10 + 15 + 20 characters, the 45 of the three steps above. | choices: 1; 2; 3 | hide: none | hint: Each round moves the name s to a new string. What still refers to the string s named before?
for chunk in read_chunks():
    #> A new, longer string appears and s names it. The one s named before is
    #> freed, unless another name holds it (in the first round, a does).
    s += chunk
#> Three strings made, two of them freed on the way: join would have made one.
print(s, sys.getsizeof(s))


def build(chunks):
    text = a
    for chunk in chunks:
        #> Here text is a function's local. For that case CPython 3.11 has a
        #> shortcut: once the code has warmed up (its call and seven rounds of
        #> the loop), += on a string nothing else refers to makes that same
        #> string bigger instead of building a new one. The first seven
        #> rounds build a new string each, like the loop above.
        text += chunk
    #> The rounds after the second were passed over, and from the eighth on
    #> they were not like the first: the shortcut ran. EVENTS shows the last:
    #> text's string grows from 109 to 114 bytes, no new string made (its
    #> memory block may still move, so id(text) can change).
    return text


#> The same appends in a function, four times over: build() grows its local
#> text twelve times.
u = build(read_chunks() * 4)
#> The shortcut matters for long loops: in our runs of python3.11, 20,000
#> appends of 100 characters took 17 to 32 seconds at module level and a few
#> milliseconds in a function. Still, it is a CPython detail: do not rely on it.
print(len(u), sys.getsizeof(u))
#= Concatenating with + in a loop creates and frees one temporary string per
#= step and copies the text over and over (CPython 3.11 grows the string in
#= place only for a function's local variable, once its code has warmed up,
#= and only while nothing else refers to the string). Collect the pieces in a
#= list and join them, or use format()/f-strings. Strings hold no references,
#= so the cycle detector never tracks them: temporaries are freed by counting
#= alone.
