items = [("Widget", 4, 3.5), ("Gadget", 10, 12.25), ("Doohickey", 1, 199.999), ("Thing", 1000, 0.1)]
print(f"{'Item':<12}|{'Qty':>6}|{'Price':>10}|{'Total':>12}")
print("-" * 43)
total = 0
for name, qty, price in items:
    line = qty * price
    total += line
    print(f"{name:<12}|{qty:>6d}|{price:>10.2f}|{line:>12,.2f}")
print("=" * 43)
print(f"{'TOTAL':<12}{total:>31,.2f}")
n = 1234567.891
print(f"{n:,}", f"{n:_.1f}", f"{n:e}", f"{n:.3E}", f"{n:g}", f"{n:%}", f"{0.256:.1%}")
print(f"{42:b} {42:o} {42:x} {42:X} {42:#b} {42:#o} {42:#x} {42:08b} {255:#06x}")
print(f"{'ctr':^11}|{'ctr':*^11}|{'r':->5}|{'l':.<5}|{-42:+d}|{42:+d}|{42: d}|{-3.5:=+10.2f}")
print(f"{3.14159:{10}.{3}}", f"{'abc'!r:>8}", f"{'x'!s}", f"{'é'!a}")
x, y = 10, 3
print(f"{x = }", f"{x / y = :.3f}", f"{x*y=}")
print("%s is %d years and %.2f%% done" % ("Ann", 30, 45.678))
print("%5s|%-5s|%05d|%x|%o|%e|%r|%c" % ("ab", "cd", 42, 255, 8, 12345.678, "q", 65))
print("%(name)s has %(n)03d" % {"name": "Bob", "n": 7})
print("{} {} {}".format(1, "two", 3.0), "{0}{1}{0}".format("a", "b"), "{name}!".format(name="hey"))
print("{:>8.3f}|{:<6}|{:^7}|{!r}".format(2.71828, "ab", "mid", "s"))
print("{0[1]} {1[k]} {2.real}".format([5, 6], {"k": "v"}, 3 + 4j))
s = "  Hello, World! Hello!  "
print(s.strip(), s.lstrip(), s.rstrip() + "|", s.count("Hello"), s.find("World"), s.rfind("Hello"))
print(s.upper(), s.lower(), s.title(), s.swapcase(), "hello world".capitalize())
print(s.replace("Hello", "Bye", 1), s.strip().split(", "), "a,b,,c".split(","), " a  b  c ".split())
print("line1\nline2\r\nline3".splitlines(), "a-b-c".rsplit("-", 1), "k=v=w".partition("="), "k=v=w".rpartition("="))
print("abc".center(9, "*"), "42".zfill(6), "-42".zfill(6), "abc".ljust(6, ".") + "|", "tab\there".expandtabs(4))
print("abc123".isalnum(), "abc".isalpha(), "123".isdigit(), "  ".isspace(), "Title Case".istitle(), "ABC".isupper())
print(", ".join(str(i) for i in range(5)), "-".join("abc"), "".join(reversed("stressed")))
print("hello"[::-1], "hello"[1:4], "hello"[-3:], "hello".startswith(("he", "x")), "file.py".endswith(".py"))
print("Mississippi".index("ss"), "Mississippi".translate(str.maketrans("is", "IZ")), "abc".encode())
print(repr("quote's"), repr('dbl"q'), repr("both'\""), repr("nl\n\ttab\\"), ascii("naïve ☃"))
print(str(3.0), str(1e16), str(1.5e-7), repr(0.1 + 0.2), 1/3, 2/3, 10/4, 1e300*10, -0.0)
print(format(1234.5, ",.2f"), format("x", ">3"), format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"))
print("%.3g|%g|%g|%g" % (0.0001234, 1e-5, 123456789.0, 100.0))
print(f"{1e-5}", f"{123456789012345678.0}", f"{1.0:.10g}", f"{0.1:.20f}")
word = "supercalifragilistic"
print({c: word.count(c) for c in sorted(set(word))})
print(f"{'nested':{'^'}{12}}", f"{{literal}}", "%%")
