# leaving out a required keyword-only argument is a TypeError naming it
def make_user(name, *, email, admin=False):
    return {'name': name, 'email': email, 'admin': admin}


print(make_user('ann', email='a@x'))
try:
    make_user('bob', email='b@x', extra=1)
except TypeError as e:
    print(e)
try:
    make_user()
except TypeError as e:
    print(e)
make_user('cy')
