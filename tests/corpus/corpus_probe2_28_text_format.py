products = [
    ("Widget", 4, 3.5),
    ("Gadget", 12, 12.25),
    ("Thingamajig", 1, 199.999),
    ("Doohickey", 150, 0.5),
]
header = f"{'Item':<12}|{'Qty':>5}|{'Price':>10}|{'Total':>11}"
print(header)
print("-" * len(header))
grand = 0
for name, qty, price in products:
    total = qty * price
    grand += total
    print(f"{name:<12}|{qty:>5d}|{price:>10.2f}|{total:>11,.2f}")
print("=" * len(header))
print(f"{'TOTAL':<12}{grand:>29,.2f}")

print("{:^20}".format("centered"), "|")
print("{0} {1} {0}".format("a", "b"), "{name} is {age}".format(name="Sam", age=7))
print("{:08.3f} {:+d} {:x} {:X} {:o} {:b} {:e}".format(3.14159, 42, 255, 255, 8, 5, 12345.678))
print("%s has %d items costing %.2f (%5.1f%%)" % ("cart", 3, 9.5, 12.345))
print("%-10s|%10s|" % ("left", "right"), "%05d" % 42, "%x" % 255, "%r" % "q")
print("%(a)s-%(b)03d" % {"a": "x", "b": 7})
print(f"{1234567.891:,.1f} {0.256:.1%} {1e-7:g} {123456789:_} {12:#x} {12:#b}")
print(f"{'pad':*^11}", f"{'r':>{6}}", f"{3.14159:.{3}f}")
x = 42
print(f"{x=}", f"{x * 2 = }", f"{'quote'!r}", f"{x!s:>5}")
s = "  Hello, World!  "
print(repr(s.strip()), s.lower(), s.upper().strip(), s.strip().swapcase())
print(s.strip().split(", "), "a,b,,c".split(","), "a b  c".split(), "x".join("123"))
print("hello world".title(), "hello world".capitalize(), "Hello".center(11, "~"))
print("abc".ljust(6, ".") + "|", "abc".rjust(6) + "|", "42".zfill(5), "-42".zfill(5))
print("banana".count("an"), "banana".find("na"), "banana".rfind("na"), "banana".find("z"))
print("banana".replace("a", "o", 2), "a-b-c".rsplit("-", 1), "key=val=x".partition("="))
print("tab\tsep".expandtabs(4), "Ünïcödé".encode("utf-8"), b"caf\xc3\xa9".decode())
print("abc123".isalnum(), "ABC".isupper(), "   ".isspace(), "3.5".isdecimal(), "Ab".istitle())
print("line1\nline2\r\nline3".splitlines(), "prefix_name".removeprefix("prefix_"), "x.py".removesuffix(".py"))
print(str.maketrans("abc", "xyz"), "aabbcc".translate(str.maketrans("abc", "xyz", "c")))
print(ord("A"), chr(97), "%c" % 66, ascii("naïve"), repr("it's"), repr('say "hi"'))
table = [["Name", "Score"], ["Alice", 93.5], ["Bob", 8], ["Christina", 77.25]]
w = max(len(str(r[0])) for r in table)
for r in table:
    print(str(r[0]).ljust(w), "|", str(r[1]).rjust(6))
print(format(0.1 + 0.2, ".17f"), 0.1 + 0.2, round(2.675, 2), round(0.5), round(1.5), round(-2.5))
print("{:,}".format(-1234567), "{:>+10.3e}".format(-0.000123))
print("%d" % "x")
