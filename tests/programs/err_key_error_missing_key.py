# KeyError for a missing dict key prints the key's repr
ages = {'ann': 31, 'bob': 27}
for name in ['ann', 'bob']:
    print(name, ages[name])
print('get with default:', ages.get('cy', 0))
print('setdefault:', ages.setdefault('dee', 40))
print(ages)


def age_of(who):
    return ages[who]


print(age_of('dee'))
print(age_of("cy's"))
