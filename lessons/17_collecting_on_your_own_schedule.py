# ---
# title: Collecting on your own schedule
# summary: Run the cycle detector every N batches, on chosen events, or at intervals in a long-running server loop.
# options: hide-primitives
# ---
import gc

gc.collect()
#> Switch automatic passes off so that only the collections we schedule run.
gc.disable()


class Row:
    def __init__(self, n):
        self.n = n
        #> Each row points at itself, so every row becomes cyclic garbage.
        self.me = self


class Session:
    def __init__(self, n):
        self.n = n
        #> A session and its handler refer to each other: a two-object cycle.
        self.handler = Handler(self)


class Handler:
    def __init__(self, session):
        self.session = session


def process_batch(size):
    rows = []
    for i in range(size):
        rows.append(Row(i))
    return len(rows)


#> Strategy 1, every N batches: cheap to write, predictable pauses.
#? Every fourth batch ends with gc.collect(). What will each of those collections return? | 12 | 4 batches of 3 self-referencing rows each; the lists that held them were freed by counting when each call returned. | hide: none | hint: Each row refers to itself, so only the collector frees it; the lists that held them went by counting. Count the rows made since the last collection.
for batch_number in range(1, 13):
    process_batch(3)
    if batch_number % 4 == 0:
        print("batch", batch_number, "- collected", gc.collect())
#> Strategy 2, on events: collect at moments when a pause will not be felt,
#> such as a user logging out or a page being refreshed.
events = ["query", "query", "logout", "query", "refresh", "query"]
for event in events:
    #> Every event leaves 2 rows behind.
    process_batch(2)
    if event == "logout" or event == "refresh":
        #> At "logout" it finds the rows of 3 events (6), at "refresh" those
        #> of 2 (4).
        print("event", event, "- collected", gc.collect())
#> Strategy 3, at intervals, in a long-running server. No real clock here:
#> each request 'takes' 7 time units on a simulated clock, and we collect
#> once 30 units have passed since the last collection.
clock = 0
last_collection = 0
for request in range(1, 16):
    clock += 7
    #> Handling a request leaves one session/handler cycle behind.
    Session(request)
    if clock - last_collection >= 30:
        last_collection = clock
        #> Each collection finds the 5 session/handler pairs made since the
        #> last one: 10 objects. The first finds 12: the 2 rows from the last
        #> "query" of strategy 2 were still waiting.
        print("time", clock, "- cleaned", gc.collect(), "unreachable objects")
#> Always switch automatic collection back on.
gc.enable()
print("left over:", gc.collect(), "- enabled:", gc.isenabled())
#= A manual schedule lets you choose when the pauses happen: after a batch of
#= work, when an event makes a pause harmless, or at regular times in a server.
#= Each call has a cost, so do not call gc.collect() after every small step.
