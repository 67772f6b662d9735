"""One place for every path the app uses.

The data root is platformdirs' user data folder, or the folder named by ``INSPECTOR_HOME`` (tests and
portable installs set it; it moves everything). A *workspace* is a folder under the data root holding one
database with its media, exports, logs and user checklists. The real workspace and the demo workspace
live side by side so demo data never mixes with real data.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "inspector"
HOME_ENV = "INSPECTOR_HOME"
DEFAULT_WORKSPACE = "workspace"
DEMO_WORKSPACE = "demo"


def data_root() -> Path:
    """The folder that holds every workspace and the app-wide settings."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def install_root() -> Path:
    """Where the bundled files are: the source tree, or PyInstaller's unpack folder."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[3]


def resource(*parts: str) -> Path:
    """A bundled file under ``resources/`` (kept in step with build.spec's ``datas``)."""
    return install_root().joinpath("resources", *parts)


def bundled_checklists_dir() -> Path:
    return install_root() / "checklists"


@dataclass(frozen=True)
class Workspace:
    """The folders of one workspace; created on first use."""

    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / "inspector.db"

    @property
    def media_dir(self) -> Path:
        return self.root / "media"

    @property
    def exports_dir(self) -> Path:
        return self.root / "exports"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def checklists_dir(self) -> Path:
        """The user's own checklists, which add to or supersede the bundled ones."""
        return self.root / "checklists"

    @property
    def marker_path(self) -> Path:
        """Written once the workspace has a database: from then on a lost database is an error."""
        return self.root / "workspace.json"

    def has_data(self) -> bool:
        """Whether this workspace was used before (so a missing or empty database means data was lost)."""
        if self.marker_path.exists():
            return True
        return any(folder.is_dir() and any(folder.iterdir()) for folder in (self.media_dir, self.backups_dir))

    def writable(self) -> bool:
        return os.access(self.root, os.W_OK | os.X_OK) and (
            not self.db_path.exists() or os.access(self.db_path, os.W_OK)
        )

    def mark(self) -> None:
        if not self.marker_path.exists():
            self.marker_path.write_text(
                json.dumps({"format": 1, "database": self.db_path.name}) + "\n", encoding="utf-8"
            )

    def ensure(self) -> Workspace:
        for folder in (self.root, self.media_dir, self.exports_dir, self.logs_dir, self.checklists_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def workspace(name: str = DEFAULT_WORKSPACE) -> Workspace:
    return Workspace(data_root() / name)


def demo_workspace() -> Workspace:
    return workspace(DEMO_WORKSPACE)
