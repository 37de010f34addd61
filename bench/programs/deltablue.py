"""DeltaBlue-style incremental constraint solver. Variables are linked by one-way
constraints (stay, edit, equality, scale-and-offset) with hierarchical strengths; adding
or removing a constraint re-plans incrementally by walking strengths through the graph,
and a plan extracted from the edit constraints re-runs the solution when an input
changes. Two workloads: a long equality chain, and a projection of many variables
through a shared scale and offset.

Measures method calls on objects, polymorphism through a class hierarchy, list appends
and removals, and attribute traffic. Size: how many times both workloads are run."""

import sys

REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST = range(7)
STRENGTH_NAMES = ["required", "strong preferred", "preferred", "strong default", "normal",
                  "weak default", "weakest"]


def stronger(a, b):
    return a < b


def weaker(a, b):
    return a > b


class UnsatisfiableRequirement(Exception):
    pass


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.walk_strength = WEAKEST
        self.stay = True
        self.mark = 0

    def __repr__(self):
        return f"Variable({self.name!r}, {self.value})"


class Constraint:
    def __init__(self, planner, strength):
        self.planner = planner
        self.strength = strength

    def install(self):
        self.add_to_graph()
        self.planner.incremental_add(self)
        return self

    def destroy(self):
        if self.is_satisfied():
            self.planner.incremental_remove(self)
        else:
            self.remove_from_graph()

    def is_input(self):
        return False

    def satisfy(self, mark):
        """Chooses a method for this constraint if it can win over what now determines its
        output; returns the constraint it overrode, if any."""
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength == REQUIRED:
                raise UnsatisfiableRequirement(STRENGTH_NAMES[self.strength])
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not self.planner.add_propagate(self, mark):
            raise UnsatisfiableRequirement("cycle")
        out.mark = mark
        return overridden


class UnaryConstraint(Constraint):
    def __init__(self, planner, variable, strength):
        super().__init__(planner, strength)
        self.variable = variable
        self.satisfied = False
        self.install()

    def add_to_graph(self):
        self.variable.constraints.append(self)
        self.satisfied = False

    def remove_from_graph(self):
        self.variable.constraints.remove(self)
        self.satisfied = False

    def choose_method(self, mark):
        v = self.variable
        self.satisfied = v.mark != mark and stronger(self.strength, v.walk_strength)

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs_known(self, mark):
        return True

    def output(self):
        return self.variable

    def recalculate(self):
        v = self.variable
        v.walk_strength = self.strength
        v.stay = not self.is_input()
        if v.stay:
            self.execute()

    def execute(self):
        pass


class StayConstraint(UnaryConstraint):
    """The variable keeps its value unless something stronger says otherwise."""


class EditConstraint(UnaryConstraint):
    """The variable's value comes from outside the solver."""

    def is_input(self):
        return True


FORWARD, BACKWARD, NONE = 1, -1, 0


class BinaryConstraint(Constraint):
    def __init__(self, planner, source, target, strength):
        super().__init__(planner, strength)
        self.source = source
        self.target = target
        self.direction = NONE

    def variables(self):
        return (self.source, self.target)

    def add_to_graph(self):
        for v in self.variables():
            v.constraints.append(self)
        self.direction = NONE

    def remove_from_graph(self):
        for v in self.variables():
            if self in v.constraints:
                v.constraints.remove(self)
        self.direction = NONE

    def choose_method(self, mark):
        source, target, strength = self.source, self.target, self.strength
        if source.mark == mark:
            ok = target.mark != mark and stronger(strength, target.walk_strength)
            self.direction = FORWARD if ok else NONE
        elif target.mark == mark:
            ok = source.mark != mark and stronger(strength, source.walk_strength)
            self.direction = BACKWARD if ok else NONE
        elif weaker(source.walk_strength, target.walk_strength):
            self.direction = BACKWARD if stronger(strength, source.walk_strength) else NONE
        else:
            self.direction = FORWARD if stronger(strength, target.walk_strength) else NONE

    def is_satisfied(self):
        return self.direction != NONE

    def input(self):
        return self.source if self.direction == FORWARD else self.target

    def output(self):
        return self.target if self.direction == FORWARD else self.source

    def mark_inputs(self, mark):
        self.input().mark = mark

    def mark_unsatisfied(self):
        self.direction = NONE

    def inputs_known(self, mark):
        v = self.input()
        return v.mark == mark or v.stay or v.determined_by is None

    def recalculate(self):
        source, out = self.input(), self.output()
        out.walk_strength = max(self.strength, source.walk_strength)
        out.stay = source.stay
        if out.stay:
            self.execute()


class EqualityConstraint(BinaryConstraint):
    def __init__(self, planner, source, target, strength):
        super().__init__(planner, source, target, strength)
        self.install()

    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    """target = source * scale + offset, in whichever direction the planner chose."""

    def __init__(self, planner, source, scale, offset, target, strength):
        super().__init__(planner, source, target, strength)
        self.scale = scale
        self.offset = offset
        self.install()

    def variables(self):
        return (self.source, self.target, self.scale, self.offset)

    def mark_inputs(self, mark):
        self.input().mark = self.scale.mark = self.offset.mark = mark

    def recalculate(self):
        source, out = self.input(), self.output()
        out.walk_strength = max(self.strength, source.walk_strength)
        out.stay = source.stay and self.scale.stay and self.offset.stay
        if out.stay:
            self.execute()

    def execute(self):
        if self.direction == FORWARD:
            self.target.value = self.source.value * self.scale.value + self.offset.value
        else:
            self.source.value = (self.target.value - self.offset.value) // self.scale.value


class Plan:
    def __init__(self, constraints):
        self.constraints = constraints

    def execute(self):
        for c in self.constraints:
            c.execute()


class Planner:
    def __init__(self):
        self.current_mark = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, constraint):
        mark = self.new_mark()
        overridden = constraint.satisfy(mark)
        while overridden is not None:
            overridden = overridden.satisfy(mark)

    def incremental_remove(self, constraint):
        out = constraint.output()
        constraint.mark_unsatisfied()
        constraint.remove_from_graph()
        unsatisfied = self.remove_propagate_from(out)
        for strength in range(REQUIRED, WEAKEST + 1):
            for c in unsatisfied:
                if c.strength == strength:
                    self.incremental_add(c)

    def add_propagate(self, constraint, mark):
        """Recomputes walk strengths and stay flags downstream of a newly satisfied
        constraint; False (after undoing it) if that walk reaches the constraint's own
        output again, which would be a cycle."""
        todo = [constraint]
        while todo:
            c = todo.pop()
            if c.output().mark == mark:
                self.incremental_remove(constraint)
                return False
            c.recalculate()
            self.add_consumers(c.output(), todo)
        return True

    def remove_propagate_from(self, out):
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = [out]
        while todo:
            v = todo.pop()
            for c in v.constraints:
                if not c.is_satisfied():
                    unsatisfied.append(c)
            determining = v.determined_by
            for c in v.constraints:
                if c is not determining and c.is_satisfied():
                    c.recalculate()
                    todo.append(c.output())
        return unsatisfied

    def add_consumers(self, variable, collection):
        determining = variable.determined_by
        for c in variable.constraints:
            if c is not determining and c.is_satisfied():
                collection.append(c)

    def make_plan(self, sources):
        mark = self.new_mark()
        plan = []
        todo = list(sources)
        while todo:
            c = todo.pop()
            out = c.output()
            if out.mark != mark and c.inputs_known(mark):
                plan.append(c)
                out.mark = mark
                self.add_consumers(out, todo)
        return Plan(plan)

    def plan_for_inputs(self, constraints):
        return self.make_plan([c for c in constraints if c.is_input() and c.is_satisfied()])


def set_through_plan(planner, variable, value):
    edit = EditConstraint(planner, variable, PREFERRED)
    plan = planner.plan_for_inputs([edit])
    for _ in range(10):
        variable.value = value
        plan.execute()
    edit.destroy()


def chain_test(n):
    planner = Planner()
    chain = [Variable(f"v{i}") for i in range(n + 1)]
    for a, b in zip(chain, chain[1:]):
        EqualityConstraint(planner, a, b, REQUIRED)
    StayConstraint(planner, chain[-1], STRONG_DEFAULT)
    edit = EditConstraint(planner, chain[0], PREFERRED)
    plan = planner.plan_for_inputs([edit])
    total = 0
    for value in range(100):
        chain[0].value = value
        plan.execute()
        if chain[-1].value != value:
            raise AssertionError(f"chain test failed at {value}: {chain[-1]!r}")
        total += chain[-1].value
    edit.destroy()
    return total


def projection_test(n):
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    sources, targets = [], []
    for i in range(n):
        source = Variable(f"src{i}", i)
        target = Variable(f"dst{i}", i)
        sources.append(source)
        targets.append(target)
        StayConstraint(planner, source, NORMAL)
        ScaleConstraint(planner, source, scale, offset, target, REQUIRED)
    set_through_plan(planner, sources[0], 17)
    if targets[0].value != 1170:
        raise AssertionError("projection: forward")
    set_through_plan(planner, targets[0], 1050)
    if sources[0].value != 5:
        raise AssertionError("projection: backward")
    set_through_plan(planner, scale, 5)
    set_through_plan(planner, offset, 2000)
    for i, target in enumerate(targets[1:], 1):
        if target.value != i * 5 + 2000:
            raise AssertionError(f"projection: {target!r}")
    return sum(t.value for t in targets) + sum(s.value for s in sources)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    total = 0
    for _ in range(rounds):
        total += chain_test(100)
        total += projection_test(100)
    print(f"deltablue {rounds}: checksum {total}")


main()
