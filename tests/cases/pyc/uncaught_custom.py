class ConfigError(Exception):
    pass
def load():
    raise ConfigError("bad config: missing 'name'")
load()
