# TypeError when asking for the len() of an int
words = ['a', 'bb', 'ccc']
for w in words:
    print(w, len(w))
n = len(words)
print('n =', n)
lengths = []
for w in words:
    lengths.append(len(w))
print('lengths', lengths, 'sum', sum(lengths))
print(len(n))
print('never reached')
