# except clauses match subclasses, tuples of classes, first match wins
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return 'lookup-specific ' + type(e).__name__
    except LookupError as e:
        return 'lookup ' + type(e).__name__
    except ArithmeticError as e:
        return 'arith ' + type(e).__name__
    except Exception as e:
        return 'other ' + type(e).__name__


print(classify(KeyError('a')))
print(classify(IndexError('b')))
print(classify(LookupError('c')))
print(classify(ZeroDivisionError('d')))
print(classify(OverflowError('e')))
print(classify(TypeError('f')))
print(classify(ValueError))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(StopIteration, Exception), issubclass(KeyboardInterrupt, Exception))
print([c.__name__ for c in UnicodeError.__mro__])
try:
    raise 5
except TypeError as e:
    print(e)
