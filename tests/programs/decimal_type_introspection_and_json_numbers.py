# What introspection shows of the decimal types: their docs, module,
# dir() listing, json's refusal naming the type by __name__, and json
# reading numbers as Decimals with parse_float/parse_int.
import decimal
import json
from decimal import Decimal, Context

print(Decimal.__module__, Decimal.__name__, Decimal.__qualname__)
print(Decimal.__doc__.splitlines()[0])
print(Context.__doc__.splitlines()[0])
print(Decimal(3).__doc__ == Decimal.__doc__)
print(type(decimal.localcontext()).__doc__)
names = dir(Decimal)
print(len(names), names[:6])
print([n for n in names if not n.startswith('_')][:12])
print('__module__' in names, '__basicsize__' in names)
print('quantize' in dir(Decimal('1.5')))
try:
    json.dumps({'price': Decimal('9.99')})
except TypeError as e:
    print(e)
print(json.dumps({'price': str(Decimal('9.99'))}))
print(json.loads('{"price": 9.99, "qty": [1, 2.50, 1e3]}', parse_float=Decimal))
print(json.loads('[7, 0.1]', parse_int=Decimal, parse_float=str))
