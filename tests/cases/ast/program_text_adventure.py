import random
import sys

ROOMS = {
    "hall": {"desc": "A long hall.", "exits": {"north": "kitchen", "east": "library"}},
    "kitchen": {"desc": "Smells of bread.", "exits": {"south": "hall"}, "items": ["knife"]},
    "library": {"desc": "Dusty books.", "exits": {"west": "hall"}, "items": ["book", "candle"]},
}


class Game:
    def __init__(self, seed=None):
        self.room = "hall"
        self.inventory: set[str] = set()
        self.rng = random.Random(seed)
        self.turns = 0

    def step(self, line: str) -> bool:
        self.turns += 1
        match line.split():
            case ["quit" | "exit"]:
                return False
            case ["go", direction] if direction in ROOMS[self.room]["exits"]:
                self.room = ROOMS[self.room]["exits"][direction]
                print(ROOMS[self.room]["desc"])
            case ["go", _]:
                print("You can't go that way.")
            case ["take", item]:
                items = ROOMS[self.room].setdefault("items", [])
                if item in items:
                    items.remove(item)
                    self.inventory.add(item)
                    print(f"Taken: {item}")
                else:
                    print(f"No {item} here.")
            case ["inventory" | "inv"]:
                print(", ".join(sorted(self.inventory)) or "(empty)")
            case ["look"]:
                room = ROOMS[self.room]
                print(room["desc"], *room.get("items", []), sep="\n  ")
            case []:
                pass
            case [verb, *args]:
                print(f"I don't know how to {verb!r} {' '.join(args)}".rstrip())
        return True


def main(argv=sys.argv[1:]):
    game = Game(seed=int(argv[0]) if argv else None)
    script = ["look", "go north", "take knife", "go south", "go east", "take book", "inv", "dance wildly", "quit"]
    for line in script:
        print(">", line)
        if not game.step(line):
            break
    print(f"Finished in {game.turns} turns.")


if __name__ == "__main__":
    main()
