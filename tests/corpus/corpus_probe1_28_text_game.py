import random

class Room:
    def __init__(self, name, description):
        self.name = name
        self.description = description
        self.exits = {}
        self.items = []

    def connect(self, direction, other, back=None):
        self.exits[direction] = other
        if back:
            other.exits[back] = self

class Player:
    def __init__(self, start):
        self.room = start
        self.inventory = []
        self.hp = 10
        self.moves = 0

    def do(self, command):
        words = command.lower().split()
        if not words:
            return "Say something."
        verb, *rest = words
        handler = getattr(self, "cmd_" + verb, None)
        if handler is None:
            return f"I don't know how to '{verb}'."
        self.moves += 1
        return handler(*rest)

    def cmd_look(self):
        r = self.room
        items = ", ".join(r.items) or "nothing"
        exits = ", ".join(sorted(r.exits))
        return f"{r.name}: {r.description}\nYou see: {items}\nExits: {exits}"

    def cmd_go(self, direction=None):
        if direction not in self.room.exits:
            return "You can't go that way."
        self.room = self.room.exits[direction]
        return f"You go {direction} to the {self.room.name}."

    def cmd_take(self, item=None):
        if item in self.room.items:
            self.room.items.remove(item)
            self.inventory.append(item)
            return f"Taken: {item}"
        return f"There is no {item} here."

    def cmd_inventory(self):
        return "You carry: " + (", ".join(self.inventory) if self.inventory else "nothing")

    def cmd_fight(self, monster="troll"):
        log = []
        enemy = 8
        while enemy > 0 and self.hp > 0:
            dmg = random.randint(1, 4) + (2 if "sword" in self.inventory else 0)
            enemy -= dmg
            log.append(f"You hit the {monster} for {dmg}.")
            if enemy > 0:
                hit = random.randint(0, 3)
                self.hp -= hit
                log.append(f"The {monster} hits you for {hit}. HP={self.hp}")
        log.append("You win!" if self.hp > 0 else "You died.")
        return "\n".join(log)

hall = Room("Hall", "A dusty hall.")
armory = Room("Armory", "Racks of old weapons.")
cave = Room("Cave", "It smells of troll.")
hall.connect("east", armory, "west")
hall.connect("north", cave, "south")
armory.items += ["sword", "shield"]

random.seed(12345)
p = Player(hall)
script = ["look", "go east", "look", "take sword", "take axe", "inventory", "go west",
          "go north", "dance", "", "fight", "go up", "go south", "look"]
for cmd in script:
    print(f"> {cmd}")
    print(p.do(cmd))
print(f"Moves: {p.moves}, HP: {p.hp}, inventory: {p.inventory}")
