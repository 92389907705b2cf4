from dataclasses import dataclass, field
from typing import Dict

TAX = 0.0825

@dataclass
class Product:
    sku: str
    name: str
    price: float

@dataclass
class LineItem:
    product: Product
    qty: int = 1
    @property
    def subtotal(self):
        return round(self.product.price * self.qty, 2)

@dataclass
class Cart:
    items: Dict[str, LineItem] = field(default_factory=dict)
    coupon: str = ""

    def add(self, product, qty=1):
        if qty <= 0:
            raise ValueError("quantity must be positive")
        if product.sku in self.items:
            self.items[product.sku].qty += qty
        else:
            self.items[product.sku] = LineItem(product, qty)

    def remove(self, sku, qty=None):
        li = self.items[sku]
        if qty is None or qty >= li.qty:
            del self.items[sku]
        else:
            li.qty -= qty

    def subtotal(self):
        return round(sum(li.subtotal for li in self.items.values()), 2)

    def discount(self):
        s = self.subtotal()
        return {"SAVE10": round(s * 0.10, 2), "FLAT5": min(5.0, s)}.get(self.coupon, 0.0)

    def total(self):
        taxable = self.subtotal() - self.discount()
        return round(taxable * (1 + TAX), 2)

    def receipt(self):
        lines = [f"{'Item':<20}{'Qty':>4}{'Price':>9}{'Sub':>10}"]
        for li in self.items.values():
            lines.append(f"{li.product.name:<20}{li.qty:>4}{li.product.price:>9.2f}{li.subtotal:>10.2f}")
        lines.append(f"{'Subtotal':<33}{self.subtotal():>10.2f}")
        if self.coupon:
            lines.append(f"{'Discount (' + self.coupon + ')':<33}{-self.discount():>10.2f}")
        lines.append(f"{'Tax @ {:.2%}'.format(TAX):<33}{(self.total() - self.subtotal() + self.discount()):>10.2f}")
        lines.append(f"{'TOTAL':<33}{self.total():>10.2f}")
        return "\n".join(lines)

catalog = [Product("A1", "Coffee beans 1kg", 18.99), Product("B2", "Mug", 7.5),
           Product("C3", "Grinder", 49.0), Product("D4", "Filters x100", 3.25)]
cart = Cart()
cart.add(catalog[0], 2)
cart.add(catalog[1])
cart.add(catalog[3], 3)
cart.add(catalog[1], 2)
cart.remove("D4", 1)
print(cart.receipt())
cart.coupon = "SAVE10"
print(cart.receipt())
print(cart.items["B2"])
try:
    cart.add(catalog[2], 0)
except ValueError as e:
    print("error:", e)
try:
    cart.remove("ZZ")
except KeyError as e:
    print("no such sku", e)
print(0.1 + 0.7, round(0.1 + 0.7, 2), 19.99 * 3, round(19.99 * 3, 2), 1.005 * 1000, round(1.005, 2))
print(f"{sum([19.99] * 3):.2f}", int(round(2.675 * 100)), round(-2.5), round(2.5000001))
