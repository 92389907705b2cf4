e = OSError(2, 'No such file'); print(type(e).__name__, repr(e), str(e), e.args, e.errno, e.strerror, e.filename)
e = OSError(2, 'x', 'f.txt'); print(repr(e), str(e), e.args, e.filename, e.filename2)
e = OSError(13, 'denied', 'a', None, 'b'); print(type(e).__name__, str(e), e.args)
e = FileNotFoundError('plain'); print(repr(e), str(e), e.errno, e.args)
e = OSError('a', 'b', 'c', 'd', 'e', 'f'); print(repr(e), str(e), e.errno)
e = OSError(99, 'odd'); print(type(e).__name__, str(e))
e = PermissionError(1, 'x'); print(type(e).__name__, e.errno)
print(issubclass(FileNotFoundError, OSError), ConnectionResetError.__mro__)
try:
    raise FileNotFoundError(2, 'No such file or directory', 'data.csv')
except OSError as ex:
    print('caught', ex, type(ex).__name__, ex.filename)
print(EOFError, TimeoutError.__bases__, DeprecationWarning.__mro__, IOError is OSError)
for cls in (EOFError, FloatingPointError, UserWarning, RuntimeWarning, SyntaxWarning, IsADirectoryError):
    try:
        raise cls("boom")
    except Exception as ex:
        print(type(ex).__name__, ex, isinstance(ex, Warning), isinstance(ex, OSError))
def read_config(path):
    raise FileNotFoundError(2, "No such file or directory", path)
read_config("settings.ini")
