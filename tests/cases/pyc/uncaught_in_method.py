class Parser:
    def __init__(self, text):
        self.text = text
    def parse(self):
        return [self.convert(tok) for tok in self.text.split(",")]
    def convert(self, tok):
        return int(tok)
print(Parser("1,2,3").parse())
Parser("4,five,6").parse()
