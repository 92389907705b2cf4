x = [1, 2]
match x:
    case [a, b]:
        print(a + b)
    pass
