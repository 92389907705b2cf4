# with calls __enter__, binds its result, and calls __exit__(None, None, None) on normal exit
class Tag:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print('<' + self.name + '>')
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print('</' + self.name + '>', exc_type, exc, tb)
        return False


with Tag('html') as t:
    print('bound to', t)
    with Tag('body'):
        print('content')
with Tag('a') as x, Tag('b') as y:
    print('both', x, y)


def early():
    with Tag('fn'):
        return 'returned from inside with'


print(early())
for i in range(3):
    with Tag('loop' + str(i)):
        if i == 1:
            break
