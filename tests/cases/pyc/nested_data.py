data = {"users": [{"name": "ann", "tags": ["a", "b"]}, {"name": "bob", "tags": []}]}
for user in data["users"]:
    print(user["name"], len(user["tags"]), user.get("age", "?"))
data["users"][1]["tags"].append("new")
print(data)
matrix = [[1, 2, 3], [4, 5, 6]]
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed, [sum(r) for r in matrix], list(zip(*matrix)))
