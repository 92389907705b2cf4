import random
for seed in [b'abc', b'', bytearray(b'abc'), 'abc', b'\xff\x00longer seed value']:
    random.seed(seed)
    print(repr(seed), random.random(), random.randint(1, 100))
random.seed(b'abc', version=1)
print(random.random())
random.seed('abc', version=1)
print(random.random())
r = random.Random(b'xyz')
print(r.random(), r.choice(b'hello'))
try:
    random.seed(bytearray(b'q'), version=1)
except TypeError as e:
    print('TypeError', e)
