# close() throws GeneratorExit at the yield; dropping a suspended generator does the same
def resource(name):
    print('open', name)
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('GeneratorExit in', name)
        raise
    finally:
        print('close', name)


g = resource('a')
print(next(g))
g.close()
print('after close')
g.close()
h = resource('b')
print(next(h))
del h
print('after del h')
k = resource('c')
print('never started; deleting')
del k
print(list(resource('d')))
for x in resource('e'):
    print('first value', x)
    break
print('after break')
del g
