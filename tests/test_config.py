from __future__ import annotations

import re
from pathlib import Path

import pytest

from forewarn.config import Settings, load_settings
from forewarn.errors import ConfigError


def test_config_defaults_without_file_or_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings(environ={}) == Settings()


def test_config_toml_then_env_then_overrides(tmp_path: Path) -> None:
    path = tmp_path / "forewarn.toml"
    path.write_text('[forewarn]\ndatabase_url = "sqlite:///a.db"\nhttp_timeout = 5\nrespect_robots = false\n')
    settings = load_settings(path, environ={"FOREWARN_HTTP_TIMEOUT": "7.5"})
    assert settings.database_url == "sqlite:///a.db"
    assert settings.http_timeout == 7.5
    assert settings.respect_robots is False
    assert load_settings(path, environ={}, database_url="sqlite:///b.db").database_url == "sqlite:///b.db"


def test_config_env_list_and_bool(tmp_path: Path) -> None:
    settings = load_settings(
        None,
        environ={"FOREWARN_ACTOR_DICTIONARIES": "a.yaml:b.yaml", "FOREWARN_RESPECT_ROBOTS": "no"},
    )
    assert settings.actor_dictionaries == ("a.yaml", "b.yaml")
    assert settings.respect_robots is False


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[forewarn]\nno_such_setting = 1\n", "unknown setting 'no_such_setting'"),
        ('[forewarn]\nmax_bytes = "lots"\n', "cannot take the value"),
        ("this is not toml", "cannot read config file"),
    ],
)
def test_config_bad_file_is_a_clear_error(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "forewarn.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_settings(path, environ={})
