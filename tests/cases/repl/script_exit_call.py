print("script")
exit(2)
