print("exiting")
raise SystemExit(2)
