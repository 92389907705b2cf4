from collections import defaultdict, deque
import heapq

graph = defaultdict(list)
edges = [("A", "B", 4), ("A", "C", 2), ("B", "C", 5), ("B", "D", 10),
         ("C", "E", 3), ("E", "D", 4), ("D", "F", 11)]
for u, v, w in edges:
    graph[u].append((v, w))
    graph[v].append((u, w))

def bfs(start):
    seen = {start}
    order = []
    q = deque([start])
    while q:
        node = q.popleft()
        order.append(node)
        for nbr, _ in sorted(graph[node]):
            if nbr not in seen:
                seen.add(nbr)
                q.append(nbr)
    return order

def dfs(node, seen=None):
    if seen is None:
        seen = []
    seen.append(node)
    for nbr, _ in sorted(graph[node]):
        if nbr not in seen:
            dfs(nbr, seen)
    return seen

def dijkstra(src):
    dist = {src: 0}
    prev = {}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float('inf')):
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist.get(v, float('inf')):
                dist[v] = nd
                prev[v] = u
                heapq.heappush(pq, (nd, v))
    return dist, prev

def path(prev, target):
    p = [target]
    while p[-1] in prev:
        p.append(prev[p[-1]])
    return p[::-1]

print("BFS:", bfs("A"))
print("DFS:", dfs("A"))
dist, prev = dijkstra("A")
for node in sorted(dist):
    print(f"  {node}: {dist[node]:>3}  via {' -> '.join(path(prev, node))}")

def topo(deps):
    indeg = {k: 0 for k in deps}
    for k, vs in deps.items():
        for v in vs:
            indeg[v] = indeg.get(v, 0) + 1
    q = deque(sorted(k for k, d in indeg.items() if d == 0))
    out = []
    while q:
        n = q.popleft()
        out.append(n)
        for v in deps.get(n, []):
            indeg[v] -= 1
            if indeg[v] == 0:
                q.append(v)
    if len(out) != len(indeg):
        raise RuntimeError("cycle detected")
    return out

print(topo({"shirt": ["tie", "belt"], "tie": ["jacket"], "pants": ["shoes", "belt"],
            "belt": ["jacket"], "socks": ["shoes"], "shoes": [], "jacket": []}))
print(dict(graph)["A"], len(graph))
try:
    topo({"a": ["b"], "b": ["a"]})
except RuntimeError as e:
    print(repr(e))
