# ---
# title: Hunting objects
# summary: Count live instances with gc.get_objects() and ask gc.get_referrers() who keeps one alive.
# options: hide-primitives
# ---
import gc

gc.collect()


class Node:
    def __init__(self, name):
        self.name = name


def count_nodes():
    found = 0
    #> get_objects() lists every object the collector tracks right now, in all
    #> generations. The total depends on the interpreter (start-up objects
    #> differ), so we never print it; we filter for our own class instead.
    #> (A skip note counts this loop's rounds: that is gcscope's total of
    #> tracked objects; CPython's start-up leaves a different one.)
    for obj in gc.get_objects():
        if isinstance(obj, Node):
            found += 1
    return found


print("nodes alive at start:", count_nodes())
#> A suspected leak: nodes are created, registered, and never unregistered.
registry = []
#> Five nodes go into the registry.
for i in range(5):
    registry.append(Node("n" + str(i)))
#? With one more node named temp, how many Node objects will get_objects() find? | 6 | Five in the registry and one named temp: all tracked, all alive. | hide: none | hint: get_objects() sees every Node that is alive. Count the Nodes held by the registry list and those with a name of their own.
temp = Node("temp")
print("nodes alive:", count_nodes())
#> temp's node has no other holder: it is freed at once.
del temp
print("after del temp:", count_nodes())
#> We pick one registered node to investigate.
suspect = registry[2]


def describe(holder):
    if holder is registry:
        return "the registry list"
    if isinstance(holder, dict) and "registry" in holder:
        return "the module's global names"
    return type(holder).__name__


labels = []
#> Who is holding on to it? get_referrers() searches every tracked object
#> for references to it.
#? Which objects will get_referrers() find holding the suspect? | the registry list and the module's global names | The list slot, and the global name 'suspect': a module's global names live in a dict, which the collector tracks. | choices: the registry list only; the module's global names only; the registry list and the module's global names | hide: none | hint: Follow every arrow into the suspect: from container slots and from names. Lesson 8 showed where a module's names are kept, and whether the collector tracks it.
for holder in gc.get_referrers(suspect):
    labels.append(describe(holder))
del holder
#> Report in a fixed order: the order of get_referrers() is an accident of
#> where objects sit in the collector's lists.
known = []
for label in ["the registry list", "the module's global names"]:
    if label in labels:
        known.append(label)
print("held by:", known, "- anything else:", len(labels) - len(known))
#> Fix the leak at its source: empty the registry...
registry.clear()
#> ...and drop our own name, the suspect's last reference.
del suspect
print("after clearing:", count_nodes())
#= gc.get_objects() shows what the collector tracks (filter by type: the raw
#= total is meaningless across versions); gc.get_referrers() finds who holds a
#= reference. Both are slow and see only tracked objects: a name inside a
#= running function's frame may not show up. Use them for debugging only.
