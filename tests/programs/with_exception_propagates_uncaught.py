# __exit__ runs, then a non-suppressed exception propagates to the top level
class Logger:
    def __init__(self):
        self.lines = []

    def __enter__(self):
        self.lines.append('enter')
        return self.lines

    def __exit__(self, et, ev, tb):
        self.lines.append('exit ' + (et.__name__ if et else 'clean'))
        print(self.lines)


with Logger() as lines:
    lines.append('work')
with Logger() as lines:
    lines.append('failing work')
    raise LookupError('nothing found in ' + str(len(lines)) + ' lines')
print('not reached')
