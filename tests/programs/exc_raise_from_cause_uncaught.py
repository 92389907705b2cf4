# `raise X from Y` sets __cause__; uncaught, the traceback ends with the new exception
class ConfigError(Exception):
    pass


def load(d, key):
    try:
        return d[key]
    except KeyError as e:
        raise ConfigError('missing setting ' + repr(key)) from e


try:
    load({}, 'port')
except ConfigError as e:
    print('cause:', repr(e.__cause__))
    print('context is cause:', e.__context__ is e.__cause__)
    print('suppress context:', e.__suppress_context__)

try:
    try:
        raise KeyError('x')
    except KeyError:
        raise ValueError('clean') from None
except ValueError as e:
    print('from None:', e.__cause__, e.__suppress_context__, repr(e.__context__))

print(load({'host': 'h'}, 'host'))
load({'host': 'h'}, 'port')
