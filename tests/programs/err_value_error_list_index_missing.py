# ValueError from list.index when the value is not in the list
nums = [3, 1, 4, 1, 5]
print('first 1 at', nums.index(1), 'count of 1:', nums.count(1))
print('first 5 at', nums.index(5))
nums.append(9)
print('after append:', nums)
nums.remove(9)
print('after remove:', nums)
wanted = 9
print('looking for', wanted)
print(nums.index(wanted))
print('never reached')
