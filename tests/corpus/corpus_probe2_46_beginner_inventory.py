inventory = {'rope': 1, 'torch': 6, 'gold coin': 42, 'dagger': 1, 'arrow': 12}

def displayInventory(inventory):
    print("Inventory:")
    item_total = 0
    for k, v in inventory.items():
        print(str(v) + ' ' + k)
        item_total += v
    print("Total number of items: " + str(item_total))

def addToInventory(inventory, addedItems):
    for item in addedItems:
        inventory.setdefault(item, 0)
        inventory[item] = inventory[item] + 1
    return inventory

displayInventory(inventory)
dragonLoot = ['gold coin', 'dagger', 'gold coin', 'gold coin', 'ruby']
inv = addToInventory(inventory, dragonLoot)
displayInventory(inv)

def printPicnic(itemsDict, leftWidth, rightWidth):
    print('PICNIC ITEMS'.center(leftWidth + rightWidth, '-'))
    for k, v in itemsDict.items():
        print(k.ljust(leftWidth, '.') + str(v).rjust(rightWidth))

picnicItems = {'sandwiches': 4, 'apples': 12, 'cups': 4, 'cookies': 8000}
printPicnic(picnicItems, 12, 5)
printPicnic(picnicItems, 20, 6)

tableData = [['apples', 'oranges', 'cherries', 'banana'],
             ['Alice', 'Bob', 'Carol', 'David'],
             ['dogs', 'cats', 'moose', 'goose']]
def printTable(data):
    colWidths = [0] * len(data)
    for i in range(len(data)):
        for item in data[i]:
            if len(item) > colWidths[i]:
                colWidths[i] = len(item)
    for j in range(len(data[0])):
        line = ''
        for i in range(len(data)):
            line += data[i][j].rjust(colWidths[i]) + ' '
        print(line)
printTable(tableData)

def collatz(number):
    if number % 2 == 0:
        print(number // 2)
        return number // 2
    else:
        result = 3 * number + 1
        print(result)
        return result
n = 7
while n != 1:
    n = collatz(n)

spam = ['apples', 'bananas', 'tofu', 'cats']
def commaCode(lst):
    return ', '.join(lst[:-1]) + ', and ' + lst[-1]
print(commaCode(spam))
print(commaCode(['a']))
grid = [['.', '.', '.'], ['.', 'O', '.'], ['O', 'O', 'O']]
for x in range(len(grid[0])):
    for y in range(len(grid)):
        print(grid[y][x], end='')
    print()
print(int('12') + inventory['rope'] + inventory['sword'])
