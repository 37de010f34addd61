class Service:
    def handle(self, request):
        return self.parse(request)

    def parse(self, request):
        return {key: int(value) for key, value in request.items()}

def main():
    svc = Service()
    results = list(map(svc.handle, [{"a": "1"}, {"b": "x"}]))
    return results

main()
