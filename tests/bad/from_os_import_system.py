from os import system
system("echo pwned")
