# f-strings with quotes nested inside the braces and method calls in expressions
d = {'key': 'value', 'n': 3}
people = ['ann', 'bob']


class P:
    def __init__(self, name):
        self.name = name


p = P('cy')
print(f"{d['key']}")
print(f'{d["n"]} items')
print(f"{'nested'} {'x' + 'y'}")
print(f'{p.name.upper()} {people[1].upper()!r}')
print(f"{', '.join(people)}")
print(f'{"-".join(["a", "b"])}')
print(f"""triple {d['key']} quoted""")
print(f'{d}')
print(f'sum={1 + 2 + 3}, cmp={1 < 2}, neg={-5}')
print(f'{f"{1 + 1}"}')
