"""The user's scoring configuration: rules they switched off.

``<user config dir>/rehearse/config.yaml`` (or ``$REHEARSE_CONFIG``)::

    disable:
      - confidence.hedge
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, ValidationError

from trainer.content.models.base import Strict
from trainer.content.yaml_io import YamlError, load_file
from trainer.problems import TrainerError

CONFIG_ENV = "REHEARSE_CONFIG"


class UserConfig(Strict):
    """Scoring settings a user keeps between runs."""

    disable: list[str] = Field(default_factory=list, description="Rule ids switched off.")


def config_path() -> Path:
    """Where the user's configuration file is (it need not exist)."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir("rehearse")) / "config.yaml"


def load_user_config(path: Path | None = None) -> UserConfig:
    """Read the configuration file; a missing file means the defaults.

    Raises TrainerError naming the file, the line and the problem if it is malformed.
    """
    path = path or config_path()
    if not path.exists():
        return UserConfig()
    try:
        doc = load_file(path)
    except YamlError as exc:
        raise TrainerError(f"{path}:{exc.line}: {exc}") from None
    if doc.data is None:
        return UserConfig()
    if not isinstance(doc.data, dict):
        raise TrainerError(f"{path}:1: expected a mapping such as 'disable: [rule ids]'")
    try:
        return UserConfig.model_validate(doc.data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        where = ".".join(str(p) for p in loc) or "top level"
        line = doc.line_of(loc)
        if err["type"] == "extra_forbidden":
            reason = f"unknown key '{loc[-1]}' (known: disable)"
        else:
            reason = f"{where}: {err['msg'].lower()}"
        raise TrainerError(f"{path}:{line}: {reason}") from None
