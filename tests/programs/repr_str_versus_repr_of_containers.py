# str() of a container uses repr() of its items; print of a str shows no quotes
s = 'text'
print(s)
print(str(s))
print(repr(s))
print([s])
print(str([s]))
print((s,))
print({s: s})
print(str(1), repr(1), str(-5))
print(str(None), repr(None), str(True), repr(False))
print(str([None, True]))
print('value: ' + str([1, 'two']))
print('value: ' + repr('two'))
n = 10
print(str(n) + str(n), repr(n) + repr(n))
print(str(str('x')), repr(str('x')), str(repr('x')))
