# ValueError from list.remove when the value is not in the list
fruits = ['apple', 'pear', 'apple']
fruits.remove('apple')
print('after first remove:', fruits)
fruits.remove('apple')
print('after second remove:', fruits)
print('index of pear:', fruits.index('pear'))
print('count of apple:', fruits.count('apple'))
fruits.insert(0, 'fig')
print('now:', fruits)
fruits.remove('apple')
print('never reached')
