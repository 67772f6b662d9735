"""Standards and rules that were replaced, with what replaced them and the date (data, not logic).

``checklists validate`` refuses a checklist whose ``sources`` cite a number listed here: a notice must
not cite a standard, a departmental rule (部门规章) or a normative document (规范性文件) that is no
longer in force. Add a row when a cited one is replaced.
"""

from __future__ import annotations

import re

# withdrawn number → (replacing number, date the replacement took effect)
WITHDRAWN: dict[str, tuple[str, str]] = {
    # standards
    "GB 35181-2017": ("GB 35181-2025", "2025-11-01"),
    "JGJ 46-2005": ("JGJ/T 46-2024", "2025-01-01"),
    "GB 16423-2006": ("GB 16423-2020", "2021-09-01"),
    "AQ 2006-2005": ("GB 39496-2020", "2021-09-01"),
    "GB 30871-2014": ("GB 30871-2022", "2022-10-01"),
    "GB 15603-1995": ("GB 15603-2022", "2023-07-01"),
    "GB 18218-2009": ("GB 18218-2018", "2019-03-01"),
    "GB 50493-2009": ("GB/T 50493-2019", "2019-12-01"),
    # departmental rules and normative documents
    # 房屋市政工程生产安全重大事故隐患判定标准（2024版）第十八条: 2022版同时废止
    "建质规〔2022〕2号": ("建质规〔2024〕5号", "2024-12-13"),
    # 煤矿重大事故隐患判定标准, 2026-05-24 修订公布, 第二十一条: 自2026年7月1日起施行
    "应急管理部令第4号": ("应急管理部令第21号", "2026-07-01"),
}

_SPACES = re.compile(r"\s+")
_BRACKETS = str.maketrans("[]［］【】", "〔〕〔〕〔〕")


def replacement(number: str) -> tuple[str, str] | None:
    """(replacing number, in force from) when ``number`` names a withdrawn standard or rule, else None."""
    key = _SPACES.sub(" ", number.strip()).replace("／", "/").translate(_BRACKETS)
    key = re.sub(r"^([A-Z]+(?:/T)?)(?=\d)", r"\1 ", key)
    return WITHDRAWN.get(key)
