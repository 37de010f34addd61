# -*- coding: utf-8 -*-
x = 'ü'
