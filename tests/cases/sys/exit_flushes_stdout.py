import sys
sys.stdout.write("no newline at exit")
sys.exit(2)
