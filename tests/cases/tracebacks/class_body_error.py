class Config:
    name = "x"
    size = len(name) + undefined_name
