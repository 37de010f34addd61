print(~True, ~False)
