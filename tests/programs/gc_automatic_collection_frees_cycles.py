# cycles made in a loop are freed by automatic collections, not only by gc.collect()
import gc

class Node:
    alive = 0
    def __init__(self):
        Node.alive += 1
        self.me = self
    def __del__(self):
        Node.alive -= 1

gc.collect()
gc.set_threshold(50)
for i in range(200):
    Node()
after_loop = Node.alive
left = gc.collect()
gc.set_threshold(700)
print('alive after the loop:', after_loop)
print('left for gc.collect():', left)
print('alive now:', Node.alive)
