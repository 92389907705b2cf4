import io

with io.StringIO() as log:
    print("inside", file=log)
    print("size", log.tell())
print(log.closed)
log.getvalue()
