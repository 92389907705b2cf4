def handler() -> ExceptionGroup[ValueError]:
    return ExceptionGroup("typed", [ValueError(1)])
print(ExceptionGroup[ValueError], BaseExceptionGroup[KeyboardInterrupt, ValueError])
print(handler.__annotations__["return"].__origin__ is ExceptionGroup, repr(handler()))
