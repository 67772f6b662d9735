"""统一社会信用代码 (GB 32100-2015): 18 characters, the last one a check character."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
VALUES = {ch: i for i, ch in enumerate(ALPHABET)}

# 登记管理部门代码 + 机构类别代码 pairs defined by the standard (an unknown pair is only a warning).
KNOWN_PREFIXES = {
    "11",
    "12",
    "13",
    "19",  # 机构编制
    "21",
    "29",  # 外交
    "31",
    "32",
    "33",
    "34",
    "35",
    "39",  # 司法行政
    "41",
    "49",  # 文化
    "51",
    "52",
    "53",
    "59",  # 民政
    "61",
    "62",
    "69",  # 旅游
    "71",
    "72",
    "79",  # 宗教
    "81",
    "89",  # 工会
    "91",
    "92",
    "93",  # 工商 (企业, 个体工商户, 农民专业合作社)
    "A1",
    "A9",  # 中央军委改革和编制办公室
    "N1",
    "N2",
    "N3",
    "N9",  # 农业
    "Y1",  # 其他
}


class CodeError(ValueError):
    pass


@dataclass(frozen=True)
class CheckedCode:
    code: str
    warning: str = ""


def check_character(first17: str) -> str:
    total = sum(VALUES[ch] * w for ch, w in zip(first17, WEIGHTS, strict=True))
    value = 31 - total % 31
    return ALPHABET[0 if value == 31 else value]


@functools.lru_cache(maxsize=4096)  # an import checks each row's code twice (the row, then the record)
def validate(text: str) -> CheckedCode:
    """Return the normalised code, or raise CodeError saying exactly what is wrong."""
    code = unicodedata.normalize("NFKC", text).strip().upper()  # full-width ９１… typed with an IME
    if len(code) != 18:
        raise CodeError(f"统一社会信用代码应为 18 位，实际为 {len(code)} 位")
    for position, ch in enumerate(code, start=1):
        if ch not in VALUES:
            raise CodeError(f"统一社会信用代码第 {position} 位“{ch}”不是允许的字符（不使用 I、O、Z、S、V）")
    if not code[2:8].isdigit():
        raise CodeError("统一社会信用代码第 3–8 位应为 6 位数字的行政区划码")
    expected = check_character(code[:17])
    if code[17] != expected:
        raise CodeError(f"统一社会信用代码校验位错误：第 18 位应为“{expected}”，实际为“{code[17]}”")
    warning = ""
    if code[:2] not in KNOWN_PREFIXES:
        warning = f"登记管理部门和机构类别代码“{code[:2]}”不在已知范围内，请核对"
    return CheckedCode(code, warning)
