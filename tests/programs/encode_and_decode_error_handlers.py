text = "Café costs 5€ — naïve 🙂"
for h in ["strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace"]:
    for enc in ["ascii", "latin-1"]:
        try:
            print(h, enc, text.encode(enc, h))
        except UnicodeEncodeError as e:
            print(h, enc, type(e).__name__, e)
raw = b"ok \xff\xfe and \xe2\x82 end"
for h in ["strict", "ignore", "replace", "backslashreplace"]:
    try:
        print(h, ascii(raw.decode("utf-8", h)))
    except UnicodeDecodeError as e:
        print(h, type(e).__name__, e)
try:
    raw.decode("utf-8", "xmlcharrefreplace")
except TypeError as e:
    print(e)
print(bytes("<ü>", "ascii", "xmlcharrefreplace"), str(b"\x80x", "ascii", errors="backslashreplace"))
print(str(b"hi", "ascii"), str(b"h\xc3\xa9", encoding="utf-8"), str(object="x"), str(bytearray(b"ab"), "latin-1"))
for bad in [("a", "utf-8"), (3, "utf-8"), (b"x", 5)]:
    try:
        str(*bad)
    except TypeError as e:
        print(e)
