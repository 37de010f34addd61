import enum
from typing import Callable


class State(enum.IntEnum):
    IDLE = 0
    RUNNING = 1
    PAUSED = 2
    STOPPED = 3


Transition = tuple[State, str]
TRANSITIONS: dict[Transition, State] = {
    (State.IDLE, "start"): State.RUNNING,
    (State.RUNNING, "pause"): State.PAUSED,
    (State.PAUSED, "resume"): State.RUNNING,
    (State.RUNNING, "stop"): State.STOPPED,
    (State.PAUSED, "stop"): State.STOPPED,
}


class Machine:
    def __init__(self):
        self.state = State.IDLE
        self.listeners: list[Callable[[State, State], None]] = []

    def on_change(self, fn):
        self.listeners.append(fn)
        return fn

    def fire(self, event: str) -> State:
        key = (self.state, event)
        if key not in TRANSITIONS:
            raise RuntimeError(f"cannot {event} while {self.state.name}")
        old, self.state = self.state, TRANSITIONS[key]
        for fn in self.listeners:
            fn(old, self.state)
        return self.state


m = Machine()


@m.on_change
def log(old, new):
    print(f"{old.name:<8} -> {new.name}")


for ev in "start pause resume stop".split():
    m.fire(ev)
try:
    m.fire("start")
except RuntimeError as e:
    print("error:", e)
