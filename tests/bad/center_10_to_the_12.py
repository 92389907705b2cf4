x = "a".center(10**12)
