# Startup: an empty program. Its time is the interpreter's start and shutdown: reading the
# configuration, importing what `site` and the start-up path import, and tearing down.
# It prints nothing and ignores the size argument; the runner times each launch.
