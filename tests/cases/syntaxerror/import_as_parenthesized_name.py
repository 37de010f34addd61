import a as (b)
