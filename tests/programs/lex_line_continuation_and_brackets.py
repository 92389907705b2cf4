# backslash continuation and implicit line joining inside brackets, braces and parentheses
total = 1 + \
    2 + \
    3
print(total)
items = [
    1,
    2,  # a comment inside a bracket
    3,
]
print(items)
d = {
    'a': 1,
    'b': [
        2, 3,
    ],
}
print(d)
value = (10
         - 4
         * 2)
print(value)
print('joined',
      'across',
      'lines', sep='-')
if total > 5 and \
        value < 5:
    print('continued condition')
