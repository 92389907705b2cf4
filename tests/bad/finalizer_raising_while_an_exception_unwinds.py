class N:
    def __del__(self):
        1/0
N() + 1
