# asdict() and astuple() recurse into dataclasses, lists, tuples and dicts
# (copying); replace() makes a new instance; is_dataclass().
from dataclasses import dataclass, field, asdict, astuple, replace, is_dataclass


@dataclass
class Address:
    city: str
    zip: str = "00000"


@dataclass
class Person:
    name: str
    age: int
    address: Address
    tags: list = field(default_factory=list)
    scores: dict = field(default_factory=dict)


p = Person("Ada", 36, Address("London"), ["math"], {"a": [1, 2]})
d = asdict(p)
print(d)
print(astuple(p))
print(d["tags"] is p.tags, d["scores"]["a"] is p.scores["a"], d["address"] == {"city": "London", "zip": "00000"})
q = replace(p, age=37)
print(q, q is p, q.address is p.address, p.age)
print(is_dataclass(p), is_dataclass(Person), is_dataclass(Address("x")), is_dataclass(dict), is_dataclass(3))
print(asdict(Address("Paris"), dict_factory=lambda items: sorted(items)))
print(astuple(Address("Rome"), tuple_factory=list))


@dataclass
class Team:
    members: list


t = Team([Person("A", 1, Address("X")), Person("B", 2, Address("Y"))])
print(asdict(t))
print(astuple(t))
print(replace(Address("Oslo"), zip="0150"))
