# int.to_bytes and int.from_bytes: byte order, signed, defaults, bytes from a list, a subclass, and their errors
print(int.from_bytes(b"\x01\x00", "little"), (258).to_bytes(2, "big"), (258).to_bytes(2, byteorder="little"))
print((1024).to_bytes(4), (-1).to_bytes(2, "big", signed=True), int.from_bytes(b"\xff\xfe", "big", signed=True))
print((2**70).to_bytes(9, "big"), int.from_bytes(bytes(range(1, 12)), "little"), int.from_bytes([1, 2, 3], "big"))
print(int.from_bytes(b"", "big"), (0).to_bytes(0, "big"), bool.from_bytes(b"\x01", "big"))
for bad in (lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (1).to_bytes(1, "middle"),
            lambda: (128).to_bytes(1, "big", signed=True), lambda: (1).to_bytes(-1, "big")):
    try:
        print(bad())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print((-128).to_bytes(1, "big", signed=True), (127).to_bytes(1, "little", signed=True))
class MyInt(int):
    pass
print(type(MyInt.from_bytes(b"\x05", "big")).__name__, MyInt.from_bytes(b"\x05", "big"))
