# an exception raised three calls deep propagates to the top with output before it
def parse(record):
    print('parsing', record)
    return record['value']


def load(records):
    out = []
    for r in records:
        out.append(parse(r))
        print('loaded so far', out)
    return out


def main():
    data = [{'value': 1}, {'value': 2}, {'valu': 3}]
    print('main starts')
    return load(data)


main()
print('never reached')
