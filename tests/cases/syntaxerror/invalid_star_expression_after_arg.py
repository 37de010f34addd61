print(1, *)
