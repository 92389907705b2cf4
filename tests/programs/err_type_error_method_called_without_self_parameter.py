# TypeError when a method forgot its self parameter
class Tool:
    def __init__(self):
        self.name = 'hammer'

    def use():
        return 'bang'


t = Tool()
print('made a', t.name)
print(t.use())
