# lesson scenario: an event registry storing handler functions in a dict of lists
import sys

registry = {}


def subscribe(event, handler):
    if event not in registry:
        registry[event] = []
    registry[event].append(handler)


def publish(event, payload):
    for h in registry.get(event, []):
        h(payload)


def log_it(p):
    print('log:', p)


def count_it(p):
    print('count:', len(p))


subscribe('save', log_it)
subscribe('save', count_it)
subscribe('load', log_it)
print('log_it refcount', sys.getrefcount(log_it))
print('count_it refcount', sys.getrefcount(count_it))
publish('save', [1, 2, 3])
publish('load', {'file': 'a.txt'})
publish('quit', None)
registry['save'].remove(log_it)
print('after unsubscribe', sys.getrefcount(log_it))
registry.clear()
print('after clear', sys.getrefcount(log_it), sys.getrefcount(count_it))
