from collections import Counter, defaultdict, namedtuple, OrderedDict

Item = namedtuple("Item", ["sku", "name", "price", "qty"])
inventory = [
    Item("A100", "hammer", 12.99, 10),
    Item("B200", "screwdriver", 5.49, 25),
    Item("C300", "wrench", 8.75, 0),
    Item("D400", "pliers", 7.25, 14),
]
print(inventory[0], inventory[0].name, inventory[0]._asdict())
print(Item._fields, inventory[1]._replace(qty=99))
value = sum(i.price * i.qty for i in inventory)
print(f"Total inventory value: ${value:.2f}")
out_of_stock = [i.name for i in inventory if not i.qty]
print("Out of stock:", out_of_stock)
orders = ["hammer", "pliers", "hammer", "wrench", "pliers", "hammer", "saw"]
c = Counter(orders)
print(c, c.most_common(2), c["saw"], c["nothing"])
c2 = Counter(hammer=1, saw=5)
print(c + c2, c - c2, c & c2, c | c2)
c.update(["saw", "saw"]); c.subtract({"hammer": 2})
print(sorted(c.elements()), c.total())
by_letter = defaultdict(list)
for i in inventory:
    by_letter[i.name[0]].append(i.sku)
print(dict(by_letter), by_letter["z"], len(by_letter))
counts = defaultdict(int)
for w in "a b a c b a".split():
    counts[w] += 1
print(counts)
od = OrderedDict()
od["x"] = 1; od["y"] = 2; od["z"] = 3
od.move_to_end("x")
print(od, list(od.keys()))
print(od.popitem(last=False), od)
stock = {i.sku: i.qty for i in inventory}
restock = {"C300": 30, "E500": 5}
stock.update(restock)
print(stock)
merged = stock | {"A100": 0}
print(merged, stock.get("Z", "n/a"), stock.setdefault("F600", 1), stock.pop("B200"))
print(list(stock.items())[-2:], "A100" in stock, 10 in stock.values())
Point = namedtuple("Point", "x y", defaults=[0])
p = Point(3)
print(p, p + (1,), Point._make([5, 6]), p._field_defaults)
x, y = Point(7, 8)
print(x * y, Point(1, 2) == (1, 2), hash(Point(1, 2)) == hash((1, 2)))
for name, group in sorted(by_letter.items()):
    print(f"{name}: {', '.join(group)}")
del stock["A100"]
print(stock)
stock["ZZZ"]
