x = t'{pass}'
