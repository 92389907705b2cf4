# repr escapes newlines, tabs, backslashes, control characters and NUL
print(repr('line1\nline2'))
print(repr('tab\there'))
print(repr('back\\slash'))
print(repr('nul\x00byte'))
print(repr('\r\x07\x1b\x7f'))
print(repr('\x01\x1f'))
print(['a\nb', 'c\td'])
print(repr('\\n is not a newline'))
print(len('\n'), len('\\n'), len('\x00'))
print('tab:[\t] backslash:[\\]')
s = 'quote\'s and \"double\"'
print(s)
print(repr(s))
print(repr('\x41\x42'))
print(repr('mixed \n\\\t end'))
print(repr("""triple
quoted"""))
