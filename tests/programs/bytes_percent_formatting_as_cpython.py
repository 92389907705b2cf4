# bytes % args and bytearray % args (_PyBytes_FormatEx): %s/%b take bytes-like objects or __bytes__,
# %r/%a ascii(), %c an int below 256 or one byte, mapping keys are bytes, 'z' drops a negative zero.
print(b'%d items, %s' % (5, b'x'), b'%05.1f|%x|%r' % (2.25, 255, 'a'), bytearray(b'%c%c') % (65, b'B'))
print(b'%(name)s is %(age)d' % {b'name': b'Ann', b'age': 7}, b'%s' % b'solo', b'%s' % bytearray(b'ba'))
print(b'%-6s|%6s|%.2s|%a|%b' % (b'ab', b'cd', b'xyz', 'h\xe9', b'bb'), b'%%|%i|%o|%X|%e' % (3, 8, 255, 1.5))
print(b'\xff%s\x00' % b'\xfe', b'%c' % 255, b'%+d % d' % (5, 5))
class B:
    def __bytes__(self):
        return b'custom'
print(b'[%s]' % B())
for fmt, args in [(b'%s', 'str'), (b'%c', 256), (b'%c', 'a'), (b'%c', b'ab'), (b'%d', 'x'), (b'%d %d', (1,)),
                  (b'%d', (1, 2)), (b'%z', 1), (b'%(k)s', (1,)), (b'%(k)s', {b'j': 1}), (b'%x', 1.5)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(type(e).__name__, e)
for f in (b'%z', b'%zd', b'%z.1f', b'%z.2e', b'%+z.0f', b'%z5.1f'):
    try:
        print(f % -0.0001, f % -0.0)
    except ValueError as e:
        print("ValueError", e)
