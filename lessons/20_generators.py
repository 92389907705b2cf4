# ---
# title: Generators
# summary: A list holds every item at once; a generator makes one item, hands it over, and lets it go.
# options: hide-primitives, show-sizes
# ---
import sys


class Item:
    alive = 0
    peak = 0

    def __init__(self, n):
        self.n = n
        Item.alive += 1
        if Item.alive > Item.peak:
            Item.peak = Item.alive

    def __del__(self):
        Item.alive -= 1


#> The list way: build all the items first, then walk over them.
def make_list(n):
    result = []
    for i in range(n):
        result.append(Item(i))
    return result


total = 0
#? What will the largest number of Items alive at once be during this loop? | 500 | make_list builds all 500 Items, held by its list, before the loop even sees the first one. | hide: none | hint: The for loop first asks make_list(500) for its list. When does make_list return, and what does the list hold by then?
for item in make_list(500):
    total += item.n
#> The list went when the loop finished; only the loop variable still holds
#> the last item. del item frees it.
del item
print("list: total", total, "- peak alive:", Item.peak)
Item.peak = 0


#> The generator way: yield hands out one item and pauses the function.
def make_stream(n):
    for i in range(n):
        yield Item(i)


total = 0
#? With the generator, what will the largest number of Items alive at once be? | 2 | The generator makes the next Item while 'item' still holds the previous one; rebinding 'item' then frees the old one. → passes over Item.__init__, which has run 500 times already: EVENTS lists each new Item's birth just before the old one's death. | hide: none | hint: While the generator makes the next Item, which Items still have a reference? Check the name item.
for item in make_stream(500):
    total += item.n
del item
print("generator: total", total, "- peak alive:", Item.peak)
Item.peak = 0

#> The same comparison in bytes. A list of 10,000 squares: sys.getsizeof
#> counts its 10,000 slots of 8 bytes, plus room to grow (the int objects
#> themselves come on top).
squares = [x * x for x in range(10**4)]
print("list of 10**4 squares:", sys.getsizeof(squares), "bytes")
#? A generator expression computes no item until asked for one (only range(10**6) and its iterator are made at once). How many bytes will a generator of a million squares be? | 208 | A generator holds its paused frame, not its items, so its size does not depend on how many items it will produce. A list of a million squares is 8,448,728 bytes before its ints are even counted. | choices: 208; 85,176; 8,448,728 | hide: none | hint: Nothing has been computed yet when the generator is made. Which size does not depend on how many items it will make?
many = (x * x for x in range(10**6))
print("generator of 10**6 squares:", sys.getsizeof(many), "bytes")
del squares, many


#> Generators chain into pipelines; each stage holds just its current item.
def read_records(n):
    for i in range(n):
        yield Item(i)


def only_even(records):
    for record in records:
        if record.n % 2 == 0:
            yield record


count = 0
#> A two-stage pipeline: records flow one at a time through the filter.
for record in only_even(read_records(500)):
    count += 1
del record
#> Peak 3: our loop's record, the odd one the filter just skipped, and the
#> next one being made. Still a constant, whatever n is.
print("pipeline: kept", count, "- peak alive:", Item.peak)
#= A list keeps every element alive for as long as the list lives; a generator
#= produces items on demand, so memory stays flat however long the sequence
#= (a generator's size does not depend on how many items it will make: the
#= expression above is 208 bytes for ten items or a million; its size
#= follows its code (local names, stack depth). A list of a million squares is
#= 8,448,728 bytes before its ints are counted).
#= The price: a generator can be walked only once, and you cannot index it.
