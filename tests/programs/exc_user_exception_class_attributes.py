# user exception classes: args, str, repr, extra attributes and inheritance
class AppError(Exception):
    pass


class ParseError(AppError):
    def __init__(self, line, msg):
        super().__init__(line, msg)
        self.line = line
        self.msg = msg

    def __str__(self):
        return 'line ' + str(self.line) + ': ' + self.msg


e = AppError('plain')
print(repr(e), str(e), e.args)
e2 = AppError()
print(repr(e2), repr(str(e2)), e2.args)
e3 = AppError('a', 2)
print(repr(e3), str(e3))
p = ParseError(7, 'bad token')
print(p.args, p.line, p.msg)
print(str(p))
print(repr(p))
print(isinstance(p, AppError), isinstance(p, Exception), isinstance(p, BaseException))
print(issubclass(ParseError, AppError), issubclass(AppError, ParseError))
try:
    raise ParseError(3, 'eof')
except AppError as err:
    print('caught as AppError:', type(err).__name__, err)
print(ParseError.__mro__[1].__name__, ParseError.__bases__[0].__name__)
del e, e2, e3, p
