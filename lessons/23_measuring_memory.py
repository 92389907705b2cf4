# ---
# title: Measuring memory
# summary: sys.getsizeof weighs one object and nothing it refers to; tracemalloc weighs every block each line allocated.
# options: hide-primitives, show-sizes
# ---
import sys

#> sys.getsizeof gives an object's size in bytes. A str of plain ASCII text
#> costs 49 bytes (a 48-byte header and a closing zero byte) plus one byte
#> per character.
print("empty str:", sys.getsizeof(""), "- 1,000 characters:", sys.getsizeof("a" * 1000))
n = 1000
#? Three strings of 1,000 characters go into one list. Which will sys.getsizeof(words) be closer to? | 80 | The list holds three references, 8 bytes each, after a 56-byte header: 80 bytes. The strings are separate objects, and sys.getsizeof does not follow references. | choices: 80; 3,000; 3,200 | hide: none | show: words | hint: sys.getsizeof weighs one object and nothing it refers to. Does a list slot hold a string's text, or only a reference to the string?
words = ["a" * n, "b" * n, "c" * n]
#> The list's cells show the strings' text, but each string is an object of
#> its own that the list only points at (press H to draw them as boxes).
print("the list alone:", sys.getsizeof(words))
#> To weigh a container with what it holds, add up its items yourself. (A
#> string shared by two lists would be counted twice: there is no exact
#> "size with contents" in Python.)
print("list and strings:", sys.getsizeof(words) + sum(sys.getsizeof(w) for w in words))

#> A list does not grow one slot at a time. When it is full, append asks for
#> room for several more items, so most appends copy nothing.
items = []
#? The empty list is 56 bytes, and each slot costs 8. What will sys.getsizeof(items) be after the first append? | 88 | The first append makes room for four items: 56 + 4 x 8. The next three appends fit; the fifth makes room for eight, the ninth for sixteen (OUTPUT lists every round). | hide: none | show: items | hint: The first append reserves room for several items, not one. Work out 56 plus 8 bytes for each slot it reserves.
while len(items) < 10:
    items.append(len(items))
    print(len(items), "items:", sys.getsizeof(items), "bytes")
del words, items

#> A dict grows in jumps too. An empty dict has no table of its own yet; the
#> first key brings a table with room for 5 keys. This dict holds only ints,
#> so the collector does not track it: it is drawn under "not tracked".
table = {}
for key in range(5):
    table[key] = key
print(len(table), "keys:", sys.getsizeof(table), "bytes")
#? The table has room for 5 keys and holds 5. What will sys.getsizeof(table) be after a sixth key? | 352 | The sixth key does not fit: CPython builds a table with room for 10 keys and copies the 5 keys over. Not twice 224: the dict's own 64 bytes do not grow, only its table does, from 160 to 288 bytes. | choices: 224; 352; 448 | hide: none | show: table | hint: Does a sixth key fit in a table with room for 5? If not, CPython makes a bigger table, but is all of the dict's 224 bytes its table, or does the dict have a part of its own that stays the same size?
table[5] = 5
print(len(table), "keys:", sys.getsizeof(table), "bytes")
del table

#> Some articles say list(map(...)) is "much more memory efficient" than a
#> for loop that appends. Let us measure both lists.
my_list = ["one", "two", "three"]
looped = []
for item in my_list:
    looped.append(item.upper())
#? Which list will sys.getsizeof find larger? | the map one | list() cannot ask a map how many items will come, so it reserves room for more and keeps 8 slots (120 bytes); the loop's appends stopped at 4 slots (88 bytes). The upper-case strings are equal in both (each list has three new ones). | choices: the loop's; the map one; neither | hide: none | show: mapped | hint: Both hold 3 equal strings; only spare slots differ. Recall the room appends reserved above. Can list() know in advance how many items a map gives?
mapped = list(map(str.upper, my_list))
print("loop:", sys.getsizeof(looped), "- list(map(...)):", sys.getsizeof(mapped))
del looped, mapped


#> Instances: an ordinary class keeps each instance's attributes in a
#> namespace of its own. __slots__ names the attributes once, in the class,
#> and the values sit inside the instance: no __dict__ at all.
class PlainPoint:
    def __init__(self, x, y):
        self.x = x
        self.y = y


#> __slots__ lists the attribute names once. Running this class statement
#> puts that list on the heap, where the class keeps it.
class SlotPoint:
    __slots__ = ["x", "y"]

    def __init__(self, x, y):
        self.x = x
        self.y = y


plain = PlainPoint(1, 2)
slotted = SlotPoint(1, 2)
#> Only 8 bytes apart, it seems: sys.getsizeof(plain) leaves out the block
#> that holds plain's attribute values, which CPython 3.11 keeps beside the
#> object (asking for plain.__dict__ would build a dict of about 300 bytes).
print("plain:", sys.getsizeof(plain), "- slotted:", sys.getsizeof(slotted))


#> A function that tries to give a point an attribute z, and says why if it
#> cannot.
def add_z(point):
    try:
        point.z = 3
    except AttributeError as error:
        print("AttributeError:", error)


#? Can the slotted point take an attribute its class did not name (slotted.z = 3)? | no | __slots__ is the whole list: there is no __dict__ to put z in, so Python raises AttributeError. That is the price of the saved bytes. | choices: yes; no | hide: none | hint: __slots__ names every place the instance has for attributes, and there is no __dict__. Where could z go?
add_z(slotted)
del plain, slotted

#> sys.getsizeof weighs one object. tracemalloc instead records every block
#> of memory allocated while it runs, and the line that allocated it.
import tracemalloc

tracemalloc.start()
#> get_traced_memory() gives the bytes traced now and the most there were at
#> once, the peak. The list of 10,000 squares and the squares themselves
#> are all alive together before max() looks at them...
largest = max([x * x for x in range(10**4)])
list_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.reset_peak()
#> ...while a generator hands max() one square at a time.
largest = max(x * x for x in range(10**4))
generator_peak = tracemalloc.get_traced_memory()[1]
#> The list's peak is far above its sys.getsizeof of 85,176 bytes: the int
#> objects it held (all the squares but the 17 smallest, 0 to 256: Python
#> keeps the ints up to 256 ready-made) were traced too.
print("peak bytes - list:", list_peak, "- generator:", generator_peak)
#> 100 strings of 20 or 40 characters, and a list to hold them.
names = [str(i) * 20 for i in range(100)]
print("sys.getsizeof(names):", sys.getsizeof(names))
#> take_snapshot() copies the list of every block traced right now, with the
#> line that allocated it: one small tuple per block. statistics("lineno")
#> adds the blocks up per line, largest first, and [0] is the largest. print
#> writes it as: file and line, the bytes allocated there and still in use,
#> how many blocks, and bytes per block (OUTPUT shows it in full). The
#> snapshot and its tuples are gone when the line ends.
#? tracemalloc will weigh the line that made names. Compared with sys.getsizeof(names), its figure will be... | about ten times more | tracemalloc counts every block the line allocated: the list's 920 bytes and also the 100 strings, 69 or 89 bytes each. | choices: about the same; about ten times more | hide: none | hint: sys.getsizeof weighs only the list. What else did that line build, how many of them, and how big is each?
print(tracemalloc.take_snapshot().statistics("lineno")[0])
#> stop() ends the tracing and forgets every block it recorded.
tracemalloc.stop()
del names
#= sys.getsizeof is shallow: it weighs one object, not what it refers to.
#= Lists and dicts grow in jumps and keep spare room, so their size depends on
#= how they were built (list(map(...)) is not smaller than a loop of appends).
#= __slots__ saves an instance's attribute dict, at the price of new attributes.
#= tracemalloc weighs every block a line allocated: the tool for finding which
#= line holds the memory.
