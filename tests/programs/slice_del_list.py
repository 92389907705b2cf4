# del with slices removes ranges and strided items; deleted items are released
class Tag:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print('del', self.n)


nums = list(range(10))
del nums[2:4]
print(nums)
del nums[::3]
print(nums)
del nums[-2:]
print(nums)
del nums[5:100]
print(nums)
del nums[:]
print(nums)
tags = [Tag(i) for i in range(5)]
print('deleting [1:3]')
del tags[1:3]
print('left', [t.n for t in tags])
print('deleting [::2]')
del tags[::2]
print('left', [t.n for t in tags])
del tags
print('end')
