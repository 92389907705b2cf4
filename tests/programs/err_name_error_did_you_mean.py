# NameError for a misspelled global suggests the close name
counter = 0
values = [1, 2, 3]
for v in values:
    counter += v
print('counter is', counter)
print('now printing a misspelled name')


def report():
    return countr


print(report())
print('never reached')
