import textwrap
calls = [
    lambda: textwrap.shorten("a b c", 5, max_lines=2), lambda: textwrap.wrap(), lambda: textwrap.wrap("a", 1, 2),
    lambda: textwrap.wrap("a", text="b"), lambda: textwrap.shorten("a"), lambda: textwrap.shorten(),
    lambda: textwrap.shorten("a", 2, 3), lambda: textwrap.wrap("a", foo=1),
    lambda: textwrap.TextWrapper(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), lambda: textwrap.wrap("abc", 0),
    lambda: textwrap.wrap("abc", width=-1), lambda: textwrap.wrap(5), lambda: textwrap.dedent(5),
    lambda: textwrap.indent(5, ">"), lambda: textwrap.indent("a\n", 5), lambda: textwrap.wrap("abc def", None),
    lambda: textwrap.wrap("abc def", "5"), lambda: textwrap.wrap("abcdefghij klm", 4.5),
    lambda: textwrap.wrap("abcdefghij klm", 4.5, break_on_hyphens=False), lambda: textwrap.wrap("abc d", 4.5),
    lambda: textwrap.wrap("a b", 3, initial_indent=5), lambda: textwrap.TextWrapper().wrap(),
    lambda: textwrap.dedent(), lambda: textwrap.indent("a"), lambda: textwrap.wrap("abc", True),
    lambda: textwrap.wrap("abcdef", 2.0, break_long_words=False), lambda: textwrap.wrap("abc def", 10 ** 20),
    lambda: textwrap.wrap("hello world", width=7.5), lambda: textwrap.wrap("hello world", 5, initial_indent=">>>>>>"),
    lambda: textwrap.TextWrapper(width=1, subsequent_indent="--").wrap("ab cd"),
    lambda: "abc".rfind("b", 0, 2.5), lambda: "abc".count("b", None, 2.0),
]
for i, call in enumerate(calls):
    try:
        print(i, repr(call()))
    except Exception as e:
        print(i, type(e).__name__, e)
textwrap.fill("too narrow", width=0)
