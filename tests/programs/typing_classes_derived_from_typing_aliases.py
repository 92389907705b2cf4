from typing import List, Dict, Tuple, ClassVar, Union, TypeVar, Generic, Optional
T = TypeVar('T')
class A(List): pass
class B(Dict[str, int]): pass
print(A.__mro__, B.__mro__, A.__orig_bases__, B.__parameters__)
a = A([1]); a.append(2); print(a, isinstance(a, list))
class C(List[T]):
    def first(self) -> T:
        return self[0]
print(C.__parameters__, C[int], C([5]).first())
class D(Generic[T], List[T]): pass
print(D.__mro__, D.__parameters__)
for bad in ["ClassVar[int]", "Union[int, str]", "Optional[int]", "T"]:
    try:
        exec(f"class X({bad}): pass")
    except TypeError as e:
        print("TypeError:", e)
