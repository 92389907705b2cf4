print(ArithmeticError.__subclasses__())
print(Warning.__subclasses__())
print(ConnectionError.__subclasses__())
class MyError(ArithmeticError): pass
print(ArithmeticError.__subclasses__()[-1].__name__, len(ArithmeticError.__subclasses__()))
