x = f'{v:é>10}'
y = f'{v:{fill}ü^{w}}'
z = t'{v:ö<5}'
