# coding: utf-8
x = '日本'
