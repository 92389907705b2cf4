counter = 0
def oops():
    counter += 1
oops()
