from collections import deque, defaultdict
import heapq
graph = {
    'A': ['B', 'C'],
    'B': ['D', 'E'],
    'C': ['F'],
    'D': [],
    'E': ['F'],
    'F': [],
}
def bfs(g, start):
    seen = {start}
    order = []
    q = deque([start])
    while q:
        node = q.popleft()
        order.append(node)
        for nb in g[node]:
            if nb not in seen:
                seen.add(nb)
                q.append(nb)
    return order
def dfs(g, node, visited=None):
    if visited is None:
        visited = []
    visited.append(node)
    for nb in g[node]:
        if nb not in visited:
            dfs(g, nb, visited)
    return visited
def topo(g):
    indeg = {n: 0 for n in g}
    for n in g:
        for m in g[n]:
            indeg[m] += 1
    q = deque(sorted(n for n, d in indeg.items() if d == 0))
    out = []
    while q:
        n = q.popleft(); out.append(n)
        for m in g[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                q.append(m)
    return out
print(bfs(graph, 'A'))
print(dfs(graph, 'A'))
print(topo(graph))
roads = [("s", "a", 7), ("s", "b", 2), ("b", "a", 3), ("a", "t", 1), ("b", "t", 8), ("b", "c", 5), ("c", "t", 1)]
adj = defaultdict(list)
for u, v, w in roads:
    adj[u].append((v, w))
    adj[v].append((u, w))
def dijkstra(adj, src):
    dist = {src: 0}
    prev = {}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float('inf')):
            continue
        for v, w in adj[u]:
            nd = d + w
            if nd < dist.get(v, float('inf')):
                dist[v] = nd
                prev[v] = u
                heapq.heappush(pq, (nd, v))
    return dist, prev
dist, prev = dijkstra(adj, "s")
print(sorted(dist.items()))
path, node = [], "t"
while node != "s":
    path.append(node); node = prev[node]
path.append("s")
print(" -> ".join(reversed(path)))
print(dict(adj))
def count_components(n, edges):
    parent = list(range(n))
    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for a, b in edges:
        parent[find(a)] = find(b)
    return len({find(i) for i in range(n)})
print(count_components(7, [(0, 1), (1, 2), (3, 4), (5, 5)]))
