# Many draws of each function of random for several seeds, as CPython 3.11
# draws them (200 here, to keep the timeline tests quick; 1000 for six
# seeds matched CPython too): the first three printed, all of them folded into the hash of
# a tuple (ints and floats hash alike in every run).  map() keeps the loops
# in C, so the run stays short under --check-refcounts and the timeline
# tests (uniform(0.0, 1.0) draws exactly what random() draws).
import random

N = 200

def show(name, values):
    print(name, values[:3], len(values), hash(tuple(values)))

def show_lists(name, values):
    print(name, values[:2], len(values), hash(tuple(map(tuple, values))))

for seed in [-42, "héllo wörld ✓", 3.25]:
    print("seed", repr(seed))
    random.seed(seed)
    show("random", [random.random(), random.random()] + list(map(random.uniform, [0.0] * N, [1.0] * N)))
    show("randint", list(map(random.randint, [-50] * N, [50] * N)))
    show("randrange", list(map(random.randrange, [0] * N, [1000] * N, [7] * N)))
    show("randrange_big", list(map(random.randrange, [10**12] * N)))
    show("randrange_neg", list(map(random.randrange, [100] * N, [-100] * N, [-3] * N)))
    show("getrandbits", list(map(random.getrandbits, list(range(64)) * 4)))
    show("choice", list(map(random.choice, [[3, 1, 4, 1, 5, 9, 2, 6]] * N)))
    show("uniform", list(map(random.uniform, [-3] * N, [7] * N)))
    show("gauss", list(map(random.gauss, [10] * N, [2] * N)))
    show("normalvariate", list(map(random.normalvariate, [0.0] * N, [1.0] * N)))
    show("lognormvariate", list(map(random.lognormvariate, [0] * N, [0.5] * N)))
    show("expovariate", list(map(random.expovariate, [1.5] * N)))
    show("triangular", list(map(random.triangular, [0] * N, [10] * N, [3] * N)))
    show("betavariate", list(map(random.betavariate, [2] * N, [5] * N)))
    show("gammavariate", list(map(random.gammavariate, [0.3, 1.0, 2.5, 9.0] * (N // 4), [2.0] * N)))
    show("vonmisesvariate", list(map(random.vonmisesvariate, [1.0] * N, [4.0] * N)))
    show("paretovariate", list(map(random.paretovariate, [3] * N)))
    show("weibullvariate", list(map(random.weibullvariate, [1] * N, [1.5] * N)))
    show("choices", random.choices(range(50), k=N))
    show("choices_weights", random.choices([10, 20, 30], weights=[1, 2.5, 7], k=N))
    show("choices_cum_weights", random.choices([10, 20, 30], cum_weights=[1, 3, 10], k=N))
    show_lists("sample_pool", list(map(random.sample, [range(20)] * N, [5] * N)))
    show_lists("sample_set", list(map(random.sample, [range(10000)] * N, [8] * N)))
    show_lists("sample_all", list(map(random.sample, [[1, 2, 3, 4, 5, 6, 7, 8]] * N, [8] * N)))
    show_lists("sample_counts", [random.sample([7, 8, 9], counts=[4, 2, 3], k=6) for _ in range(N // 10)])
    lists = list(map(list, [range(30)] * (N // 10)))
    list(map(random.shuffle, lists))
    show_lists("shuffle", lists)
    show("random_after", [random.random(), random.random(), random.random()])
