import logging
logging.basicConfig(format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("demo")
log.warning("hello %s", 42)
log.info("hidden")
logging.getLogger().setLevel(logging.DEBUG)
log.debug("now shown")
try:
    1/0
except ZeroDivisionError:
    log.exception("boom")
f = logging.Formatter("%(asctime)s", datefmt="%Y")
print(len(f.formatTime(logging.makeLogRecord({"created": 0.0}), "%Y-%m-%d")))

