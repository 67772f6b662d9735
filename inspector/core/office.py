"""What varies by office: issuing body, region abbreviation, courts, default deadlines, print options.

Kept as settings in the workspace (``office.*`` keys), editable by the office; nothing here is a
constant of the code except the defaults a new workspace starts from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from inspector.core.store import Store

PREFIX = "office."


@dataclass
class OfficeSettings:
    issuing_body: str = ""  # e.g. 巴音郭楞蒙古自治州应急管理局
    region_abbr: str = ""  # e.g. 库 → （库）应急责改〔2026〕17号
    government: str = ""  # 行政复议: the people's government named on notices
    court: str = ""  # 行政诉讼: the people's court named on notices
    general_deadline_days: int = 15  # default rectification deadline of a general hazard
    major_deadline_days: int = 30  # … of a major hazard
    print_major_count: bool = False  # print 「其中重大事故隐患…项」 on notices (a local variant)
    repeat_window_months: int = 12  # the ledger's repeat rule looks this far back


def load(store: Store) -> OfficeSettings:
    values = {}
    for f in fields(OfficeSettings):
        value = store.setting(PREFIX + f.name)
        if value is not None:
            values[f.name] = value
    return OfficeSettings(**values)


class OfficeError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def check(settings: OfficeSettings) -> OfficeSettings:
    """What is printed on every document must be printable and unambiguous."""
    from inspector.core.profile import ProfileError, normalise_region  # the one rule for regions

    if not settings.issuing_body.strip():
        raise OfficeError("issuing_body", "请填写发文机关名称")
    try:
        settings.region_abbr = normalise_region(settings.region_abbr)
    except ProfileError as exc:
        raise OfficeError("region_abbr", str(exc)) from exc
    for name in ("general_deadline_days", "major_deadline_days"):
        if not 1 <= int(getattr(settings, name)) <= 365:
            raise OfficeError(name, "整改期限应为 1–365 天")
    if not 1 <= int(settings.repeat_window_months) <= 120:
        raise OfficeError("repeat_window_months", "重复隐患的追溯期应为 1–120 个月")
    return settings


def save(store: Store, settings: OfficeSettings) -> None:
    settings = check(settings)
    with store.transaction():
        current = load(store)
        for name, value in asdict(settings).items():
            if getattr(current, name) != value or store.setting(PREFIX + name) is None:
                store.set_setting(PREFIX + name, value)
