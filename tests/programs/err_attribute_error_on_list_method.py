# AttributeError for a method a list does not have
stack = []
stack.append(1)
stack.append(2)
print('stack', stack)
print('popped', stack.pop())
print('has append:', hasattr(stack, 'append'))
print('has push:', hasattr(stack, 'push'))
stack.push(3)
print('never reached')
