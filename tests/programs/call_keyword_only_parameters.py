# parameters after * or *args are keyword-only; defaults for them live in __kwdefaults__
def connect(host, *, port=80, secure=False):
    return host + ':' + str(port) + (' tls' if secure else '')


print(connect('a'))
print(connect('b', port=443, secure=True))
print(connect(secure=True, host='c'))


def log(*messages, level='info', sep=' '):
    return level + ': ' + sep.join(messages)


print(log('x', 'y'), '|', log('z', level='warn', sep='+'))


def required_kw(a, *, b):
    return a + b


print(required_kw(1, b=2))
print(connect.__kwdefaults__, connect.__defaults__)
print(required_kw.__kwdefaults__)
try:
    connect('d', 8080)
except TypeError as e:
    print(e)
try:
    required_kw(1, 2)
except TypeError as e:
    print(e)
