import sys
sys.setrecursionlimit(10**30)
