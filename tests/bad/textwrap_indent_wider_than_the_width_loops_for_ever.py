# CPython 3.11 loops for ever here too: the indent leaves no room, so
# _handle_long_word breaks a chunk down to '' and puts that on the line.
import textwrap
print(textwrap.wrap("\tab c", 3, initial_indent="    "))
