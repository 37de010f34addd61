# -*- coding: latin-1 -*-
s = 'été'
t = 'ü' + 'x'
café = 1
