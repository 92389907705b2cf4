import textwrap
def show(s):
    print(repr(s))
show(textwrap.dedent("    hello\n      world\n    \n    end\n"))
show(textwrap.dedent("\thello\n  world\n"))
show(textwrap.dedent("  \t a\n  \t b\n  \tc"))
show(textwrap.dedent("  a\n\t b\n"))
show(textwrap.dedent("\n\n   x\n   \n   y\n\n"))
show(textwrap.dedent("no indent\n  some\n"))
show(textwrap.dedent("        deep\n    shallow\n      mid\n"))
show(textwrap.dedent(""))
def code():
    return textwrap.dedent("""\
        def f(x):
            return x + 1
        """)
show(code())
show(textwrap.indent("a\n\nb\n  \nc", "> "))
show(textwrap.indent("a\n\nb\n", "+ ", lambda line: True))
show(textwrap.indent("one\ntwo\nthree\n", "#", predicate=lambda line: "t" in line))
show(textwrap.indent("a\r\nb\rc\x0bd\x1ce\u2028f", "|"))
show(textwrap.indent("", "> "))
show(textwrap.indent(textwrap.dedent("  x = 1\n  y = 2\n"), "    "))
