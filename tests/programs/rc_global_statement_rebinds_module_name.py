# a global statement lets a function rebind a module-level name, releasing the old object
import sys

config = {'v': 1}
keep = config
cache = []


def replace_config():
    global config
    config = {'v': 2}
    print('inside, new config:', sys.getrefcount(config))


def add_to_cache(x):
    global cache
    cache = cache + [x]


def read_only():
    print('reading a global without global statement:', sys.getrefcount(config))


print('before:', sys.getrefcount(keep))
replace_config()
print('old config after rebinding:', sys.getrefcount(keep))
print('new config at module level:', sys.getrefcount(config))
read_only()
add_to_cache(keep)
add_to_cache(keep)
print('keep held by cache twice:', sys.getrefcount(keep), len(cache))
del keep
