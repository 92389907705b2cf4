getattr(__builtins__, "open")("/etc/passwd")
