# a class attribute lives in the class; instances read it without adding references
import sys


class Team:
    members = []

    def __init__(self, name):
        self.name = name

    def join(self):
        self.members.append(self.name)


print('class attribute list:', sys.getrefcount(Team.members))
t1 = Team('ann')
t2 = Team('bob')
print('read through instances:', sys.getrefcount(t1.members), t1.members is t2.members)
t1.join()
t2.join()
print('shared list contents:', Team.members)
own = []
t1.members = own
print('instance attribute shadows:', sys.getrefcount(own), t1.members is Team.members)
print('class attribute unchanged:', sys.getrefcount(Team.members))
held = Team.members
print('bound to a global too:', sys.getrefcount(held))
del t1.members
print('shadow removed:', sys.getrefcount(own), t1.members is held)
