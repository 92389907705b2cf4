# help() of a function, a lambda or a method prints pydoc's plain text: the
# signature as inspect writes it, the docstring cleaned and indented.
def f():
    "doc"
def g(a, b=1, *args, c, d=[1, 'x'], **kw):
    """Multi-line docstring.

    More text here.
        Indented.
    """
    return a
def h(x: int, y: "str" = 'q') -> list[int]:
    pass
def nodoc(a, /, b):
    pass
lam = lambda x, y=2: x
class C:
    def m(self, z):
        "method doc"
from typing import Optional, List, Dict, Callable
class Node:
    def __init__(self, value, next=None):
        """Make a node.

        value -- what it holds
        """
        self.value = value
    @classmethod
    def make(cls, *items):
        "Build a chain."
    @staticmethod
    def util(x, *, y=3, **rest):
        '''	Tabbed	doc.
	second line'''
def typed(a: Optional[int], b: List[str] = None, *c: int, d: Dict[str, int], e: Callable[[int], str] = print) -> "Node":
    """   leading spaces first line
       second
         third   
    """
def kwonly(*, a, b=2):
    pass
def empty_doc():
    """"""
def nested():
    def inner(q=(1, "two")):
        "inner doc"
    return inner
help(f)
help(g)
help(h)
help(nodoc)
help(lam)
help(C.m)
help(C().m)
help(Node.__init__)
help(Node(1).__init__)
help(Node.make)
help(Node.util)
help(typed)
help(kwonly)
help(empty_doc)
help(nested())
