__import__("os").system("echo pwned")
