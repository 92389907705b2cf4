# locals are references owned by the frame; they are released when the function returns
import sys

outer = [0]


def work():
    mine = [1, 2]
    print('local list:', sys.getrefcount(mine))
    again = mine
    print('two locals:', sys.getrefcount(mine))
    holder = {'m': mine, 'o': outer}
    print('local dict holding it:', sys.getrefcount(mine))
    print('global seen from function:', sys.getrefcount(outer))
    local_outer = outer
    print('global bound to a local too:', sys.getrefcount(outer))
    del again
    print('after del again:', sys.getrefcount(mine))
    holder = None
    print('after holder = None:', sys.getrefcount(mine), sys.getrefcount(outer))


work()
print('after return:', sys.getrefcount(outer))
