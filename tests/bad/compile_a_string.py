compile("1", "x", "exec")
