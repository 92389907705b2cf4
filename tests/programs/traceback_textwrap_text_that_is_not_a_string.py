import textwrap
w = textwrap.TextWrapper(width=20)
try:
    textwrap.indent(42, "> ")
except AttributeError as e:
    print("indent:", e)
w.fill(3.5)
