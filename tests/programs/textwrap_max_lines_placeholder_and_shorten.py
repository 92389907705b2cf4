import textwrap
s = "one two three four five six seven eight nine ten"
for n in (1, 2, 3, 5):
    print(n, textwrap.wrap(s, 12, max_lines=n))
print(textwrap.wrap(s, 9, max_lines=2, placeholder=" ..."))
print(textwrap.wrap(s, 12, max_lines=2, placeholder="[more]"))
print(textwrap.wrap("aaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbb", 10, max_lines=2))
print(textwrap.wrap("aaa bbb", 4, max_lines=1, placeholder="..."))
print(textwrap.wrap("aaa bbb ccc", 7, max_lines=2, placeholder=".."))
print(textwrap.fill(s, 14, max_lines=3, initial_indent="* ", subsequent_indent="  "))
print(textwrap.TextWrapper(max_lines=0).wrap("a b"), textwrap.wrap("hello", 3, max_lines=1, placeholder="~"))
print(repr(textwrap.shorten("Hello  world!", width=12)), repr(textwrap.shorten("Hello  world!", width=11)))
print(repr(textwrap.shorten("The quick brown fox jumps over the lazy dog", 25, placeholder="...")))
print(repr(textwrap.shorten("  lots \t of \n  space  ", 40)), repr(textwrap.shorten("   ", 5)))
print(repr(textwrap.shorten("Supercalifragilistic word", 10)))
for bad in (lambda: textwrap.wrap("hello world", 5, max_lines=1),
            lambda: textwrap.shorten("hello world", 5),
            lambda: textwrap.wrap("hello world", 8, max_lines=2, subsequent_indent="    ", placeholder=" [...]")):
    try:
        print(bad())
    except ValueError as e:
        print("ValueError:", e)
