# sys.implementation (a types.SimpleNamespace) and sys.flags, as programs
# test them (CPython's own tests skip on other implementations this way).
import sys
print(sys.implementation.name, sys.implementation.cache_tag, type(sys.implementation))
if sys.implementation.name != 'cpython':
    print("not cpython")
print(sys.implementation.version[:2], sys.implementation.version == sys.version_info)
print(sys.implementation._multiarch, hasattr(sys.implementation, "hexversion"))
print(sys.flags.optimize, sys.flags.dev_mode, type(sys.flags))
print(sys.hexversion >= 0x030B0000, sys.hexversion < 0x030C0000)
print(repr(sys.implementation).startswith("namespace(name='cpython', cache_tag='cpython-311', version="))
try:
    sys.implementation.nope
except AttributeError as e:
    print("AttributeError", e)
