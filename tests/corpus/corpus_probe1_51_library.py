class Book:
    def __init__(self, isbn, title, author, year):
        self.isbn, self.title, self.author, self.year = isbn, title, author, year
        self.available = True
    def __str__(self):
        status = "in" if self.available else "out"
        return f"{self.title!r} by {self.author} ({self.year}) [{status}]"
    def __eq__(self, other):
        return isinstance(other, Book) and self.isbn == other.isbn
    def __hash__(self):
        return hash(self.isbn)

class Member:
    MAX_LOANS = 2
    def __init__(self, name):
        self.name = name
        self.loans = []
    def __repr__(self):
        return f"Member({self.name!r}, loans={len(self.loans)})"

class LibraryError(Exception): pass
class NotAvailable(LibraryError): pass
class LimitReached(LibraryError): pass

class Library:
    def __init__(self):
        self.catalog = {}
        self.members = {}
        self.events = []
    def add(self, *books):
        for b in books:
            self.catalog[b.isbn] = b
    def join(self, name):
        self.members[name] = Member(name)
    def checkout(self, name, isbn):
        m = self.members[name]
        b = self.catalog[isbn]
        if not b.available:
            raise NotAvailable(f"{b.title} is checked out")
        if len(m.loans) >= m.MAX_LOANS:
            raise LimitReached(f"{name} already has {len(m.loans)} books")
        b.available = False
        m.loans.append(b)
        self.events.append(("out", name, isbn))
    def checkin(self, name, isbn):
        m = self.members[name]
        b = self.catalog[isbn]
        m.loans.remove(b)
        b.available = True
        self.events.append(("in", name, isbn))
    def search(self, text):
        text = text.lower()
        return [b for b in self.catalog.values() if text in b.title.lower() or text in b.author.lower()]
    def report(self):
        by_author = {}
        for b in sorted(self.catalog.values(), key=lambda b: (b.author, b.year)):
            by_author.setdefault(b.author, []).append(b)
        for author, books in by_author.items():
            print(f"{author}:")
            for b in books:
                print(f"   - {b}")

lib = Library()
lib.add(Book("111", "Dune", "Herbert", 1965), Book("222", "Emma", "Austen", 1815),
        Book("333", "Persuasion", "Austen", 1817), Book("444", "Neuromancer", "Gibson", 1984))
for n in ["ann", "bo"]:
    lib.join(n)
actions = [("checkout", "ann", "111"), ("checkout", "bo", "111"), ("checkout", "ann", "222"),
           ("checkout", "ann", "333"), ("checkin", "ann", "111"), ("checkout", "bo", "111")]
for action, who, isbn in actions:
    try:
        getattr(lib, action)(who, isbn)
        print(f"ok: {action} {who} {isbn}")
    except LibraryError as e:
        print(f"fail: {type(e).__name__}: {e}")
lib.report()
print([str(b) for b in lib.search("austen")], lib.search("zzz"))
print(lib.members, len(lib.events), lib.events[-1])
print(len({Book("1", "a", "b", 1), Book("1", "c", "d", 2)}))
lib.checkin("bo", "222")
