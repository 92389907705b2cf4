# a global's referrers include the module's globals dict; locals are not
# objects the collector sees
import gc

value = ['shared']
holder = [value]

def look():
    local_ref = value
    refs = gc.get_referrers(value)
    return [r is globals() for r in refs].count(True), any(r is holder for r in refs), len(refs)

print(look())
