# str.strip (default and explicit chars), startswith and endswith
print(repr('  padded  '.strip()))
print(repr('\n\t mixed \t\n'.strip()))
print(repr('xxhixx'.strip('x')))
print(repr('abcba'.strip('ab')))
print(repr(''.strip()))
print(repr('   '.strip()))
name = 'report.txt'
print(name.startswith('rep'), name.startswith('txt'))
print(name.endswith('.txt'), name.endswith('.py'))
print(name.startswith(''), name.endswith(''))
print(name.startswith('report.txt!'))
print('Hello'.startswith('h'), 'Hello'.startswith('H'))
line = '  # comment  '
print(line.strip().startswith('#'))
print('abc'.endswith('c') and 'abc'.startswith('a'))
