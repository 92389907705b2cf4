"""A docstring may come before the future imports."""
from __future__ import print_function, division
from __future__ import absolute_import, with_statement, unicode_literals
from __future__ import generators, nested_scopes, generator_stop, annotations
import __future__

print(7 / 2, 7 // 2)
print(division)
print(print_function, annotations)
print(__future__.all_feature_names)
print(__future__.division.getOptionalRelease(), __future__.division.getMandatoryRelease())
print(annotations.getMandatoryRelease(), annotations.compiler_flag, annotations.optional)
print(__future__.CO_FUTURE_DIVISION, __future__.CO_NESTED, __future__.CO_FUTURE_ANNOTATIONS)
print(type(division).__name__, type(division))
print(__future__.division is division, __future__)
for name in __future__.all_feature_names:
    f = getattr(__future__, name)
    print(name, f.mandatory, f.compiler_flag)
