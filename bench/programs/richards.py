"""Richards: a simulation of a small operating-system kernel. Six tasks (an idle task, a
worker, two handlers and two devices) pass packets through a priority scheduler; tasks
block waiting for packets, are held and released.

Measures method calls on small objects, attribute reads and writes, linked lists and
polymorphic dispatch. Size: how many times the idle task runs (a whole simulation per
1000 units, repeated)."""

import sys

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
DEVICE_PACKET, WORK_PACKET = 0, 1
DATA_SIZE = 4


class Packet:
    __slots__ = ("link", "destination", "kind", "value", "data")

    def __init__(self, link, destination, kind):
        self.link = link
        self.destination = destination
        self.kind = kind
        self.value = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, queue):
        """Puts this packet at the end of the queue headed by `queue`; returns the new head."""
        self.link = None
        if queue is None:
            return self
        tail = queue
        while tail.link is not None:
            tail = tail.link
        tail.link = self
        return queue


class Task:
    def __init__(self, kernel, ident, priority, queue):
        self.kernel = kernel
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.held = False
        self.waiting = False
        self.link = kernel.tasks
        kernel.tasks = self
        kernel.by_id[ident] = self

    def runnable(self):
        return not self.held and not (self.waiting and self.queue is None)

    def take_packet(self):
        packet = self.queue
        self.queue = packet.link
        self.waiting = False
        return packet

    def deliver(self, packet, current):
        """Adds a packet to this task's queue; returns the task that should run next."""
        if self.queue is None:
            self.queue = packet
            packet.link = None
            self.waiting = False
            if self.priority > current.priority and not self.held:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return current

    def step(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, kernel, count):
        super().__init__(kernel, IDLE, 0, None)
        self.seed = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.kernel.hold_self()
        # A 16-bit linear-feedback shift register picks which device to wake.
        if self.seed & 1:
            self.seed = (self.seed >> 1) ^ 0xD008
            return self.kernel.release(DEVICE_B)
        self.seed >>= 1
        return self.kernel.release(DEVICE_A)


class WorkerTask(Task):
    def __init__(self, kernel, queue):
        super().__init__(kernel, WORKER, 1000, queue)
        self.handler = HANDLER_A
        self.letter = 0

    def step(self, packet):
        if packet is None:
            return self.kernel.wait()
        self.handler = HANDLER_B if self.handler == HANDLER_A else HANDLER_A
        packet.destination = self.handler
        packet.value = 0
        for i in range(DATA_SIZE):
            self.letter = self.letter % 26 + 1
            packet.data[i] = self.letter
        return self.kernel.send(packet)


class HandlerTask(Task):
    def __init__(self, kernel, ident, queue):
        super().__init__(kernel, ident, 2000, queue)
        self.work = None
        self.devices = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == WORK_PACKET:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is not None:
            index = work.value
            if index < DATA_SIZE:
                device = self.devices
                if device is not None:
                    self.devices = device.link
                    device.value = work.data[index]
                    work.value = index + 1
                    return self.kernel.send(device)
            else:
                self.work = work.link
                return self.kernel.send(work)
        return self.kernel.wait()


class DeviceTask(Task):
    def __init__(self, kernel, ident):
        super().__init__(kernel, ident, 4000 + ident, None)
        self.pending = None

    def step(self, packet):
        if packet is None:
            pending = self.pending
            if pending is None:
                return self.kernel.wait()
            self.pending = None
            return self.kernel.send(pending)
        self.pending = packet
        self.kernel.output += packet.value
        return self.kernel.hold_self()


class Kernel:
    def __init__(self):
        self.tasks = None
        self.by_id = [None] * 6
        self.current = None
        self.sent = 0
        self.holds = 0
        self.output = 0

    def hold_self(self):
        self.holds += 1
        self.current.held = True
        return self.current.link

    def release(self, ident):
        task = self.by_id[ident]
        task.held = False
        if task.priority > self.current.priority:
            return task
        return self.current

    def wait(self):
        self.current.waiting = True
        return self.current

    def send(self, packet):
        self.sent += 1
        target = self.by_id[packet.destination]
        packet.destination = self.current.ident
        return target.deliver(packet, self.current)

    def schedule(self):
        task = self.tasks
        while task is not None:
            if task.runnable():
                self.current = task
                packet = task.take_packet() if task.queue is not None else None
                task = task.step(packet)
            else:
                task = task.link


def simulate(count):
    kernel = Kernel()
    IdleTask(kernel, count)
    work = Packet(None, WORKER, WORK_PACKET)
    work = Packet(work, WORKER, WORK_PACKET)
    WorkerTask(kernel, work)
    for handler, device in ((HANDLER_A, DEVICE_A), (HANDLER_B, DEVICE_B)):
        queue = None
        for _ in range(3):
            queue = Packet(queue, device, DEVICE_PACKET)
        HandlerTask(kernel, handler, queue)
    DeviceTask(kernel, DEVICE_A)
    DeviceTask(kernel, DEVICE_B)
    # Every task but the idle task starts waiting for a packet.
    task = kernel.tasks
    while task is not None:
        if task.ident != IDLE:
            task.waiting = True
        task = task.link
    kernel.schedule()
    return kernel


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    sent = holds = output = 0
    remaining = size
    while remaining > 0:
        kernel = simulate(min(remaining, 1000))
        sent += kernel.sent
        holds += kernel.holds
        output += kernel.output
        remaining -= 1000
    print(f"richards {size}: {sent} packets sent, {holds} holds, output {output}")


main()
