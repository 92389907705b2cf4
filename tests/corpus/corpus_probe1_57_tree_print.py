fs = {
    "home": {
        "alice": {"notes.txt": 120, "photos": {"cat.jpg": 20480, "dog.png": 18000}},
        "bob": {".bashrc": 300, "code": {"main.py": 1500, "util.py": 800, "tests": {}}},
    },
    "etc": {"hosts": 200, "passwd": 1024},
    "README": 42,
}

def tree(node, prefix=""):
    items = sorted(node.items(), key=lambda kv: (not isinstance(kv[1], dict), kv[0]))
    for i, (name, val) in enumerate(items):
        last = i == len(items) - 1
        connector = "└── " if last else "├── "
        if isinstance(val, dict):
            print(prefix + connector + name + "/")
            tree(val, prefix + ("    " if last else "│   "))
        else:
            print(prefix + connector + f"{name} ({val} B)")

def total_size(node):
    return sum(total_size(v) if isinstance(v, dict) else v for v in node.values())

def find(node, pred, path=""):
    for name, val in node.items():
        p = f"{path}/{name}"
        if isinstance(val, dict):
            yield from find(val, pred, p)
        elif pred(name, val):
            yield p

def human(n):
    for unit in ["B", "KB", "MB"]:
        if n < 1024:
            return f"{n:.1f} {unit}" if unit != "B" else f"{n} {unit}"
        n /= 1024
    return f"{n:.1f} GB"

print(".")
tree(fs)
print("total:", human(total_size(fs)))
print(list(find(fs, lambda n, s: n.endswith(".py"))))
print(list(find(fs, lambda n, s: s > 1000)))
print({k: human(total_size(v)) for k, v in fs.items() if isinstance(v, dict)})
def depth(node):
    return 1 + max((depth(v) for v in node.values() if isinstance(v, dict)), default=0)
print("depth:", depth(fs))
def flatten(node, prefix=""):
    out = {}
    for k, v in node.items():
        key = f"{prefix}.{k}" if prefix else k
        if isinstance(v, dict) and v:
            out.update(flatten(v, key))
        else:
            out[key] = v
    return out
for k, v in flatten(fs).items():
    print(f"{k:<32}{v!s:>8}")
