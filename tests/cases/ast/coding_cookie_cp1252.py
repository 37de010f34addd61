# coding=cp1252
quote = '“hi”'
dash = 1 # –
