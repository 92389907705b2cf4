# CPython's fractions imports numbers: importing it afterwards allocates
# nothing and so starts no collection.
import gc
import fractions
before = gc.get_count()
import numbers
after = gc.get_count()
print(after[0] - before[0], after[1:] == before[1:])
print(isinstance(fractions.Fraction(1, 2), numbers.Rational), issubclass(fractions.Fraction, numbers.Real))
print(gc.collect(), gc.get_count())
