# slicing with start/stop/step, negative values, and clamping out-of-range bounds
nums = list(range(10))
print(nums[2:5], nums[:3], nums[7:], nums[:])
print(nums[-3:], nums[:-7], nums[-5:-2])
print(nums[::2], nums[1::3], nums[::-1], nums[8:2:-2])
print(nums[5:100], nums[100:], nums[-100:2], nums[4:1])
s = 'abcdefg'
print(s[1:4], s[::-1], s[::3], s[-2:], repr(s[5:2]))
t = (1, 2, 3, 4)
print(t[1:], t[::-1], t[:0], type(t[1:2]).__name__)
r = range(0, 20, 3)
print(r[1:4], list(r[::-2]))
print(nums[slice(1, 4)], slice(1, 4), slice(None, None, -1))
copy = nums[:]
print(copy == nums, copy is nums)
i, j = 2, 6
print(nums[i:j], nums[i:j][::-1])
try:
    nums[::0]
except ValueError as e:
    print(e)
print(s[2:3] * 3, t[2:3] * 2)
