# triple-quoted strings keep newlines; comments and blank lines are ignored
# a full-line comment
text = """first line
second line
    indented third"""
print(text)
print(len(text.split('\n')))

other = '''single 'quotes' and "double" inside'''
print(other)
print(repr('''a
b'''))
escaped = """tab:\t newline escape:\\n"""
print(escaped)


def documented():
    """A docstring is just an expression statement."""
    return 'ok'  # trailing comment


print(documented())
print("# not a comment")
