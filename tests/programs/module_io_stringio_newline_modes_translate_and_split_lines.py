import io
text = "a\nb\r\nc\rd\n\re"
for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO(text, newline=nl)
    print(repr(nl), repr(s.getvalue()), s.newlines)
    print(s.readlines())
    s.seek(0)
    print([s.readline(2) for i in range(4)])
    t = io.StringIO(newline=nl)
    print(t.newlines, t.write("x\ny"), t.newlines, t.write("\r"), t.newlines, t.write("\r\n"), t.newlines, repr(t.getvalue()), t.tell())
    t.seek(0)
    print(list(t), t.line_buffering, t.encoding, t.errors)
u = io.StringIO(newline=None)
u.write("a\r")
u.write("\nb")
print(repr(u.getvalue()), u.newlines)
v = io.StringIO("\r\n\r\n", newline="\r\n")
print(v.readline(1), repr(v.readline(1)), repr(v.read()))
