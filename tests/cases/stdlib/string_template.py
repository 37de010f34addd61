import string
print(string.Template("$who likes ${what}").substitute(who="tim", what="kung pao"))
