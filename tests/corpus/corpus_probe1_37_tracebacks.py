class ConfigError(Exception):
    pass

def load(cfg):
    try:
        return int(cfg["port"])
    except KeyError as e:
        raise ConfigError("missing port") from e
    except ValueError:
        raise ConfigError(f"bad port {cfg['port']!r}")

def start(cfg):
    port = load(cfg)
    return f"listening on {port}"

print(start({"port": "8080"}))
try:
    start({})
except ConfigError as e:
    print("ConfigError:", e, "| cause:", repr(e.__cause__))
try:
    start({"port": "http"})
except ConfigError as e:
    print("ConfigError:", e, "| context:", repr(e.__context__), e.__cause__)

def level3(x):
    return 10 / x
def level2(x):
    return level3(x - 1)
def level1(x):
    return level2(x * 2)
print(level1(3))
start({"port": "abc"})
