class Calc:
    def div(self, a, b):
        return a / b
Calc().div(1, 0)
