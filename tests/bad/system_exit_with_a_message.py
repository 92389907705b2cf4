import sys
sys.exit("stopped by the program")
