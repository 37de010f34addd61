a if b else c
not d
-e
f or g and h
i < j <= k
