import textwrap
s = "Hello there -- you goof-ball, use the -b option! The quick brown fox jumps over the lazy dog."
for w in (8, 12, 20, 35, 70):
    print(w, textwrap.wrap(s, w))
print(textwrap.fill(s, 25))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10, break_long_words=False))
print(textwrap.wrap("a-very-long-hyphenated-compound-word-here ok", 12))
print(textwrap.wrap("a-very-long-hyphenated-compound-word-here ok", 12, break_on_hyphens=False))
print(textwrap.wrap("-" * 12 + " --abc-def-ghi " + "a" * 17, 5))
print(textwrap.wrap("well-known, self-evident? yes!-no don't-stop", 8))
print(textwrap.wrap("x y z", 1), textwrap.wrap("", 5), textwrap.fill("", 5), textwrap.wrap("   ", 5))
print(textwrap.wrap("  leading and trailing   ", 10), textwrap.wrap("  leading and trailing   ", 10, drop_whitespace=False))
print(textwrap.wrap("a\tb\tc\nd  e", 30), textwrap.wrap("a\tb\tc\nd  e", 30, expand_tabs=False),
      textwrap.wrap("a\tb\tc\nd  e", 30, replace_whitespace=False), textwrap.wrap("\ta\tbb", 20, tabsize=4))
print(textwrap.fill("The end.  Start again. Mr. X said \"hi.\" Then", 15, fix_sentence_endings=True))
print(textwrap.wrap("Mr. Smith went.\nHe said so. Yes!\nok", 80, fix_sentence_endings=True))
