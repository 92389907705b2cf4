# SyntaxError: except* needs the types it catches
print('never printed')
try:
    pass
except*:
    pass
