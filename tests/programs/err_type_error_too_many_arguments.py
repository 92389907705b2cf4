# TypeError when a function receives more positional arguments than it takes
def greet(name, greeting='hello'):
    return greeting + ', ' + name


print(greet('ann'))
print(greet('bob', 'hi'))
print(greet(greeting='yo', name='dee'))
names = ['eve', 'fay']
for n in names:
    print(greet(n))
print(greet('cy', 'hey', 'extra'))
