import json
from json import JSONDecoder
class Verbose(JSONDecoder):
    def __init__(self, **kw):
        print(list(kw))
        super().__init__(**kw)
print(json.loads('[1]', cls=Verbose, object_hook=dict, parse_int=float, strict=True))
print(json.loads('{"a": 1}', parse_int=str, cls=Verbose, strict=False, object_pairs_hook=list))
print(json.loads('"a\\tb"', strict=False))
for call in [lambda: json.loads('[1]', bogus=1), lambda: json.loads('[1]', cls=Verbose, bogus=1),
             lambda: json.loads(), lambda: json.loads('1', '2'), lambda: json.loads('1', cls=None, s='x'),
             lambda: json.loads(b'[1]'), lambda: json.loads(5)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
try:
    json.loads('"a\tb"')
except json.JSONDecodeError as e:
    print(e)
print(json.loads(b'{"k": [1, "\xc3\xa9"]}'), json.loads(bytearray(b'[2]')), json.loads(b'\xef\xbb\xbf[3]'))
try:
    json.loads(b'[1,]')
except json.JSONDecodeError as e:
    print(e, repr(e.doc))
