"""Settings: defaults, then a TOML file, then FOREWARN_* environment variables.

Settings are built by `load_settings()` where the program starts (the CLI, the
API app factory) and passed explicitly; nothing is read at import time.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from forewarn.errors import ConfigError

ENV_PREFIX = "FOREWARN_"
DEFAULT_CONFIG_FILE = "forewarn.toml"


@dataclass(frozen=True)
class Settings:
    """Every knob forewarn has. Each one is documented in docs/configuration.md."""

    database_url: str = "sqlite:///forewarn.db"
    user_agent: str = "forewarn/0.1 (+https://github.com/forewarn/forewarn; news early-warning research)"
    http_timeout: float = 20.0  # seconds per request
    max_bytes: int = 20_000_000  # size cap for one file, page or feed (after decompression)
    max_redirects: int = 5
    respect_robots: bool = True
    max_feed_entries: int = 1_000  # entries fetched from one feed in one run
    near_duplicate_threshold: float = 0.9  # Jaccard on word shingles
    actor_dictionaries: tuple[str, ...] = field(default_factory=tuple)  # extra user files
    log_level: str = "WARNING"


def _coerce(name: str, raw: Any, template: Any) -> Any:
    """Turn a TOML or environment value into the type of the default."""
    try:
        if isinstance(template, bool):
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        if isinstance(template, tuple):
            if isinstance(raw, str):
                return tuple(part for part in (p.strip() for p in raw.split(os.pathsep)) if part)
            return tuple(str(item) for item in raw)
        return type(template)(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r} cannot take the value {raw!r}") from exc


def load_settings(
    config_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build Settings from defaults, a TOML file, the environment, then explicit overrides.

    The TOML file is `config_file`, else $FOREWARN_CONFIG, else ./forewarn.toml when it exists.
    """
    env = os.environ if environ is None else environ
    settings = Settings()
    known = {f.name: getattr(settings, f.name) for f in fields(Settings)}
    values: dict[str, Any] = {}

    path = config_file or (Path(env[ENV_PREFIX + "CONFIG"]) if ENV_PREFIX + "CONFIG" in env else None)
    if path is None and Path(DEFAULT_CONFIG_FILE).is_file():
        path = Path(DEFAULT_CONFIG_FILE)
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config file: {exc}", where=str(path)) from exc
        table = data.get("forewarn", data)
        for key, raw in table.items():
            if key not in known:
                raise ConfigError(f"unknown setting {key!r}", where=str(path))
            values[key] = _coerce(key, raw, known[key])

    for name, default in known.items():
        raw_env = env.get(ENV_PREFIX + name.upper())
        if raw_env is not None:
            values[name] = _coerce(name, raw_env, default)

    for key, raw in overrides.items():
        if key not in known:
            raise ConfigError(f"unknown setting {key!r}")
        if raw is not None:
            values[key] = raw
    return replace(settings, **values)
