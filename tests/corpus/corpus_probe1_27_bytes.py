data = b"Hello, World"
print(data, len(data), data[0], data[-1], data[:5], type(data[0]).__name__)
print(list(data[:4]), bytes([72, 105]), bytes(3), bytes(range(65, 70)))
s = "naïve café ☃"
enc = s.encode("utf-8")
print(enc, len(s), len(enc), enc.decode("utf-8") == s)
print(s.encode("latin-1", errors="replace"), s.encode("ascii", errors="ignore"))
print(data.upper(), data.lower(), data.split(b", "), b"-".join([b"a", b"b"]), data.replace(b"l", b"L"))
print(data.find(b"World"), data.startswith(b"Hell"), b"abc" + b"def", b"ab" * 3, b"x" in b"xyz")
print(data.hex(), bytes.fromhex("48 65 6c 6c 6f"), data.hex(":") if False else "")
ba = bytearray(b"abc")
ba.append(100)
ba[0] = 65
ba.extend(b"xyz")
print(ba, len(ba), ba.decode(), bytes(ba))
del ba[1]
print(ba, ba.pop(), ba)
ba2 = bytearray(5)
print(ba2, bytearray("hi", "utf-8"))
print(b"\x00\xff\n\t\\'\"", repr(b"a'b"), repr(b'a"b'), b"\x7f\x80")
print(ord("A"), chr(65), chr(9731), ord("€"), hex(ord("€")))
print([hex(b) for b in "€".encode()], "€".encode("utf-16-le") if False else "")
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print(b"\xff".decode("utf-8", errors="replace"), b"abc\xff".decode("latin-1"))
print(b"a b  c".split(), b"  pad ".strip(), b"x,y".split(b","), bytes(b"abc")[::-1])
print(int.from_bytes(b"\xde\xad\xbe\xef", "big"), (3735928559).to_bytes(4, "big"))
print(sum(b"abc"), max(b"abc"), sorted(b"cab"), b"abc" < b"abd", b"a" == "a")
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
print(str(b"bytes"), f"{b'fmt'}", "%s" % b"pct", b"%d-%s" % (5, b"x"))
print(bytearray(b"hello").upper(), bytearray(b"abc") == b"abc", b"abc".count(b"b"))
print(b"Hello"[1:3], b"Hello".index(b"l"), b"hi".center(6, b"*"), b"12".zfill(5), b"A".isupper(), b"1".isdigit())
mv_free = bytes(ba)
print(mv_free, hash(b"abc") == hash(b"abc"))
