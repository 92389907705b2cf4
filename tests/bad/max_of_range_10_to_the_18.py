print(max(range(10**18)))
