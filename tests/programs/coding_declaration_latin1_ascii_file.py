#!/usr/bin/env python3
# vim: set fileencoding=latin-1 :
print("ascii only, so latin-1 reads the same")
