# string indexing (negative too), iteration, len, concatenation and comparison
s = 'python'
print(s[0], s[5], s[-1], s[-6])
print(len(s), len(''))
for ch in s:
    print(ch, end='.')
print()
print(s + '3' + '.11')
t = s
t += '!'
print(s, t)
print('abc' < 'abd', 'abc' < 'ab', 'B' < 'a', 'abc' == 'abc')
print('a' != 'b', 'same' == 'sa' + 'me')
print('th' in s, 'x' not in s, '' in s)
count = 0
for ch in 'mississippi':
    if ch == 's':
        count += 1
print('s count:', count)
print(str(12) + str(34), int('12') + int('34'))
