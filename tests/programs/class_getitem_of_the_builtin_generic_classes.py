print(dir([])[:4], "__class_getitem__" in dir(dict), list.__class_getitem__(int), list[int], dict[str, int], type[int], tuple[int, ...])
class L(list): pass
print(L[int], hasattr(tuple, "__class_getitem__"))
print(hasattr(dict, "__class_getitem__"), hasattr(set, "__class_getitem__"), hasattr(frozenset, "__class_getitem__"), hasattr(type, "__class_getitem__"))
print([n for n in dir(dict) if "class" in n])
