# TabError: one block indented with a tab on one line and spaces on the next (nothing runs)
print('never printed')


def total(items):
	result = 0
        for x in items:
            result += x
        return result


print(total([1, 2, 3]))
