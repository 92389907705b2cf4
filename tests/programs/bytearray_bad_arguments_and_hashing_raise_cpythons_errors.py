def attempt(label, fn):
    try:
        r = fn()
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

a = bytearray(b'abc')
attempt('hash', lambda: hash(a))
attempt('set', lambda: {a})
attempt('dict key', lambda: {a: 1})
attempt('index', lambda: a[3])
attempt('index str', lambda: a['0'])
def setitem(i, v):
    a[i] = v
attempt('set big', lambda: setitem(0, 256))
attempt('set neg', lambda: setitem(0, -1))
attempt('set str', lambda: setitem(0, 'x'))
attempt('set out', lambda: setitem(10, 1))
attempt('set slice int', lambda: setitem(slice(0, 1), 5))
attempt('set slice str', lambda: setitem(slice(0, 1), 'x'))
attempt('set slice list', lambda: setitem(slice(0, 1), [300]))
attempt('set ext', lambda: setitem(slice(0, 3, 2), b'xyz'))
attempt('append big', lambda: a.append(256))
attempt('append str', lambda: a.append('x'))
attempt('extend int', lambda: a.extend(5))
attempt('extend str', lambda: a.extend('ab'))
attempt('extend bad', lambda: a.extend([1, 'x']))
attempt('pop empty', lambda: bytearray().pop())
attempt('pop out', lambda: a.pop(10))
attempt('remove missing', lambda: a.remove(122))
attempt('insert str', lambda: a.insert(0, 'x'))
attempt('ctor neg', lambda: bytearray(-1))
attempt('ctor str', lambda: bytearray('abc'))
attempt('ctor float', lambda: bytearray(1.5))
attempt('ctor list', lambda: bytearray([1, 256]))
attempt('ctor gen', lambda: bytearray(x for x in [1, -5]))
attempt('ctor enc', lambda: bytearray(b'x', 'utf-8'))
attempt('ctor errors', lambda: bytearray(errors='strict'))
attempt('concat str', lambda: a + 'x')
attempt('iadd str', lambda: a.__class__)
def iadd():
    b = bytearray(b'x')
    b += 'y'
attempt('iadd str', iadd)
attempt('decode', lambda: bytearray(b'\xff').decode())
def delit(i):
    del a[i]
attempt('del out', lambda: delit(5))
attempt('del str', lambda: delit('x'))
print(a)
print({a: 1})
