# PEP 479: a StopIteration escaping a generator body becomes RuntimeError
def firsts(lists):
    for l in lists:
        it = iter(l)
        yield next(it)


print(list(firsts([[1, 2], [3]])))


def safe(lists):
    for l in lists:
        try:
            yield next(iter(l))
        except StopIteration:
            return


print(list(safe([[1], [], [2]])))
try:
    list(firsts([[1], []]))
except RuntimeError as e:
    print('RuntimeError:', e, '| cause:', type(e.__cause__).__name__)
print(list(firsts([[5], [], [6]])))
