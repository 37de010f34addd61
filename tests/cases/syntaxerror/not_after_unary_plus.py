x = +not y
