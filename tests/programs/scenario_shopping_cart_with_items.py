# lesson scenario: a cart holding Item instances; items die when removed and nobody else holds them
import sys


class Item:
    def __init__(self, name, price):
        self.name = name
        self.price = price

    def __del__(self):
        print('item', self.name, 'discarded')


class Cart:
    def __init__(self):
        self.items = []

    def add(self, item):
        self.items.append(item)
        print('added', item.name, 'refcount inside add', sys.getrefcount(item))

    def total(self):
        t = 0
        for it in self.items:
            t += it.price
        return t

    def remove(self, name):
        for it in self.items:
            if it.name == name:
                self.items.remove(it)
                return


cart = Cart()
apple = Item('apple', 3)
cart.add(apple)
cart.add(Item('bread', 5))
cart.add(Item('milk', 2))
print('total', cart.total())
print('apple refcount', sys.getrefcount(apple))
cart.remove('bread')
print('total', cart.total())
cart.remove('apple')
print('apple still named, refcount', sys.getrefcount(apple))
del apple
print('emptying the cart')
cart.items = []
print('end')
