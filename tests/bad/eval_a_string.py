eval("__import__('os')")
