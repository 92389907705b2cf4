def solve_n_queens(n):
    solutions = []
    cols = set(); d1 = set(); d2 = set()
    board = [-1] * n
    def place(r):
        if r == n:
            solutions.append(board[:])
            return
        for c in range(n):
            if c in cols or (r - c) in d1 or (r + c) in d2:
                continue
            cols.add(c); d1.add(r - c); d2.add(r + c)
            board[r] = c
            place(r + 1)
            cols.discard(c); d1.discard(r - c); d2.discard(r + c)
    place(0)
    return solutions

def show(sol):
    for c in sol:
        print(" ".join("Q" if i == c else "." for i in range(len(sol))))

for n in range(1, 9):
    print(n, len(solve_n_queens(n)))
s = solve_n_queens(6)
print(s)
show(s[0])

def permutations(items):
    if len(items) <= 1:
        yield items
        return
    for i in range(len(items)):
        for p in permutations(items[:i] + items[i+1:]):
            yield [items[i]] + p

print(list(permutations([1, 2, 3])))

def subsets_sum(nums, target):
    res = []
    def bt(start, path, total):
        if total == target:
            res.append(tuple(path))
        for i in range(start, len(nums)):
            if total + nums[i] > target:
                break
            if i > start and nums[i] == nums[i-1]:
                continue
            path.append(nums[i])
            bt(i + 1, path, total + nums[i])
            path.pop()
    bt(0, [], 0)
    return res

print(subsets_sum(sorted([10, 1, 2, 7, 6, 1, 5]), 8))
