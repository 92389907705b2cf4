# AttributeError when a function returned None and the caller uses it like an object
def find(items, wanted):
    for item in items:
        if item == wanted:
            return item


names = ['ann', 'bob']
print(find(names, 'bob').upper())
result = find(names, 'cy')
print('result is', result)
print(result.upper())
