# global statements for counters, reading globals without the statement, and module-level state
counter = 0
log = []


def increment(step=1):
    global counter
    counter += step
    log.append(counter)


def reset():
    global counter, log
    counter = 0
    log = []


def peek():
    return counter * 10


increment()
increment(5)
increment(step=2)
print(counter, log, peek())
reset()
print(counter, log)
increment()
print(counter, log, peek())


def shadow():
    counter = 100
    return counter


print(shadow(), counter)
