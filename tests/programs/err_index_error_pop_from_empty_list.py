# IndexError popping from an emptied list
stack = [1, 2]
stack.append(3)
print('stack', stack)
print(stack.pop())
print(stack.pop())
print(stack.pop())
print('stack is empty:', stack, len(stack))
stack.append(4)
stack.clear()
print('cleared again:', stack)
stack.pop()
print('never reached')
