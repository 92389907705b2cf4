# After the import, CPython's free lists are full of what re's compiler
# left: the first calls allocate no new lists.
import gc
import re
before = gc.get_count()
import textwrap
after = gc.get_count()
print(after[0] - before[0], before[1:], after[1:])
w = textwrap.TextWrapper(width=10)
text = "The quick brown fox jumps over the lazy dog"
for name, call in [("wrap", lambda: w.wrap(text)), ("fill", lambda: textwrap.fill(text, 12)),
                   ("shorten", lambda: textwrap.shorten(text, 20)), ("dedent", lambda: textwrap.dedent("  a\n  b")),
                   ("indent", lambda: textwrap.indent("a\nb", "> "))]:
    before = gc.get_count()[0]
    result = call()
    print(name, gc.get_count()[0] - before)
print(gc.collect(), gc.get_count())
