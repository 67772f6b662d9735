"""Standards that were withdrawn, with the one that replaced them and the date (data, not logic).

``checklists validate`` refuses a checklist whose ``sources`` cite a number listed here: a notice must
not cite a standard that is no longer in force. Add a row when a cited standard is replaced.
"""

from __future__ import annotations

import re

# withdrawn number → (replacing number, date the replacement took effect)
WITHDRAWN: dict[str, tuple[str, str]] = {
    "GB 35181-2017": ("GB 35181-2025", "2025-11-01"),
    "JGJ 46-2005": ("JGJ/T 46-2024", "2025-01-01"),
    "GB 16423-2006": ("GB 16423-2020", "2021-09-01"),
    "AQ 2006-2005": ("GB 39496-2020", "2021-09-01"),
    "GB 30871-2014": ("GB 30871-2022", "2022-10-01"),
    "GB 15603-1995": ("GB 15603-2022", "2023-07-01"),
    "GB 18218-2009": ("GB 18218-2018", "2019-03-01"),
    "GB 50493-2009": ("GB/T 50493-2019", "2019-12-01"),
}

_SPACES = re.compile(r"\s+")


def replacement(number: str) -> tuple[str, str] | None:
    """(replacing number, in force from) when ``number`` names a withdrawn standard, else None."""
    key = _SPACES.sub(" ", number.strip()).replace("／", "/")
    key = re.sub(r"^([A-Z]+(?:/T)?)(?=\d)", r"\1 ", key)
    return WITHDRAWN.get(key)
