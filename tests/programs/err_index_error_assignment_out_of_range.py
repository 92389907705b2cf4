# IndexError assigning to a list slot that does not exist
grid = [0, 0, 0]
grid[0] = 1
grid[-1] = 3
print(grid)
i = 0
while i < len(grid):
    grid[i] = grid[i] * 10
    i += 1
print(grid)
grid[i] = 4
print('never reached')
