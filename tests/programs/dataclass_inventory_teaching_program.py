# A teaching program: an inventory of products kept as dataclasses.
from dataclasses import dataclass, field, asdict, replace


@dataclass(order=True)
class Product:
    sort_index: float = field(init=False, repr=False)
    name: str
    price: float
    quantity: int = 0
    tags: list = field(default_factory=list, compare=False)

    def __post_init__(self):
        self.sort_index = self.price

    @property
    def value(self):
        return self.price * self.quantity


@dataclass
class Inventory:
    products: list = field(default_factory=list)

    def add(self, product):
        self.products.append(product)
        return self

    def total_value(self):
        return sum(p.value for p in self.products)

    def cheapest(self):
        return min(self.products)

    def restock(self, name, amount):
        for i, p in enumerate(self.products):
            if p.name == name:
                self.products[i] = replace(p, quantity=p.quantity + amount)


inv = Inventory()
inv.add(Product("pen", 1.5, 10, ["office"])).add(Product("book", 12.0, 2)).add(Product("mug", 6.25, 4))
print(inv)
print("total:", inv.total_value())
print("cheapest:", inv.cheapest())
print("by price:", [p.name for p in sorted(inv.products, reverse=True)])
inv.restock("book", 3)
print(inv.products[1], inv.products[1].value)
print(asdict(inv.products[0]))
print(Product("a", 1.0) == Product("a", 1.0, tags=["x"]))
