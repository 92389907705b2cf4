import json
from collections import OrderedDict
print(json.loads('{"b": 1, "a": [1.5, 2]}', object_pairs_hook=OrderedDict))
print(json.loads('{"b": 1, "a": {"c": 2}}', object_pairs_hook=lambda p: p))
print(json.loads('{"b": 1}', object_hook=lambda d: ('obj', d)))
print(json.loads('[1.25, 3]', parse_float=str, parse_int=float))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda c: 'C' + c))
d = json.JSONDecoder()
print(d.decode('[1, 2]'), d.raw_decode('[1] extra'))
print(json.JSONDecoder(object_hook=dict).decode('{"a": 1}'))
print(json.JSONEncoder().encode({"a": [1, None, True]}))
print(json.JSONEncoder(indent=2, sort_keys=True).encode({"b": 1, "a": 2}))
class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=SetEncoder))
class MyDecoder(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=self.hook, **kw)
    def hook(self, d):
        return {k.upper(): v for k, v in d.items()}
print(json.loads('{"a": {"b": 1}}', cls=MyDecoder))
try:
    json.loads('{"a": 1,\n "b": }')
except json.JSONDecodeError as e:
    print(e, '|', e.msg, e.pos, e.lineno, e.colno, repr(e.doc))
    print(type(e), type(e).__mro__)
try:
    json.dumps(object())
except TypeError as e:
    print(e)
print(json.decoder.JSONDecodeError is json.JSONDecodeError, json.JSONDecoder, json.JSONEncoder)
import json.decoder
from json.decoder import JSONDecodeError
from json import JSONDecoder
import gc, sys
d = JSONDecoder()
print(d.object_hook, d.parse_float, d.parse_int, d.strict, d.object_pairs_hook, d.memo)
print(d.parse_constant('NaN'), d.parse_constant('-Infinity'))
print(type(d.scan_once).__name__, d.scan_once('[1, 2] x', 0))
try:
    d.scan_once('x', 0)
except StopIteration as e:
    print('StopIteration', e.value)
try:
    d.raw_decode('  [1]')
except JSONDecodeError as e:
    print(e)
print(d.raw_decode('[1, {"a": null}] tail', 0))
try:
    d.decode('[1] [2]')
except ValueError as e:
    print(type(e).__name__, e, e.pos, e.lineno, e.colno)
try:
    d.decode('{"a" 1}')
except json.JSONDecodeError as e:
    print(e.msg, e.pos)
try:
    d.decode('[1,\n2,\n}')
except json.JSONDecodeError as e:
    print(e, e.lineno, e.colno)
try:
    JSONDecoder(1)
except TypeError as e:
    print(e)
try:
    JSONDecoder(foo=1)
except TypeError as e:
    print(e)
class Hooked(JSONDecoder):
    def __init__(self):
        super().__init__(object_hook=self.hook)
    def hook(self, d):
        return sorted(d)
h = Hooked()
print(h.decode('{"b": 1, "a": {"y": 0, "x": 1}}'))
del h
print(json.loads('{"a": 1, "a": 2}', object_pairs_hook=list))
print(json.loads('[1, 2.5, "x"]', parse_int=lambda s: 'int:' + s, parse_float=lambda s: 'float:' + s))
print(json.loads('{"x": NaN}', parse_constant=str))
print(json.loads('3', strict=False))
print(json.loads('"a\\tb"', cls=JSONDecoder, strict=False))
class Verbose(JSONDecoder):
    def __init__(self, **kw):
        print(sorted(kw))
        super().__init__(**kw)
print(json.loads('[1]', cls=Verbose, object_hook=dict, parse_int=float, strict=True))
try:
    json.loads('[1,]', object_hook=dict)
except json.JSONDecodeError as e:
    print(e)
try:
    json.loads('\ufeff[]')
except json.JSONDecodeError as e:
    print(e)
print(sys.modules['json.decoder'] is json.decoder, json.decoder.JSONDecoder is JSONDecoder)
print(json.encoder.JSONEncoder is json.JSONEncoder)
try:
    d.decode(5)
except TypeError as e:
    print(e)
