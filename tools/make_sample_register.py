"""Write resources/samples/企业名单.xlsx: a small register of fictitious enterprises, laid out the way an
office's sheet usually is (a title row, then Chinese headers), so `inspector enterprises import-xlsx` can be
tried at once. Every 统一社会信用代码 is valid: its check character is computed by the app's own checker.

    .venv/bin/python tools/make_sample_register.py [OUT.xlsx]

The names, people and phone numbers are made up; the codes follow the standard's structure (GB 32100-2015)
with a real region code of 巴音郭楞 and an invented organisation part.
"""

from __future__ import annotations

import sys
from pathlib import Path

from inspector.core.register import uscc

OUT = Path(__file__).resolve().parents[1] / "resources" / "samples" / "企业名单.xlsx"
HEADERS = ["单位名称", "统一社会信用代码", "行业", "地区", "地址", "法定代表人", "职务", "联系电话", "备注"]
# (name, first 17 characters of the code, sector as offices write it, region, address, head, title, phone)
ROWS = [
    (
        "库尔勒示例石化储运有限公司",
        "91652801MA7EX0001",
        "危化品",
        "库尔勒市",
        "库尔勒市石化大道示例路1号",
        "周海峰",
        "总经理",
        "0996-0000001",
    ),
    (
        "轮台县示例矿业有限责任公司",
        "91652822MA7EX0002",
        "非煤矿山",
        "轮台县",
        "轮台县示例工业园2号",
        "刘建军",
        "矿长",
        "0996-0000002",
    ),
    (
        "和静县示例煤业有限公司",
        "91652827MA7EX0003",
        "煤矿",
        "和静县",
        "和静县示例矿区3号",
        "买买提·艾力",
        "矿长",
        "0996-0000003",
    ),
    (
        "焉耆县示例建设工程有限公司",
        "91652826MA7EX0004",
        "建筑施工",
        "焉耆县",
        "焉耆县示例街4号",
        "赵红梅",
        "项目经理",
        "0996-0000004",
    ),
    (
        "博湖县示例商贸城有限公司",
        "91652829MA7EX0005",
        "人员密集场所",
        "博湖县",
        "博湖县示例商业街5号",
        "孙志刚",
        "经理",
        "0996-0000005",
    ),
    (
        "尉犁县示例客运有限公司",
        "91652823MA7EX0006",
        "道路运输",
        "尉犁县",
        "尉犁县示例客运站6号",
        "古丽娜尔",
        "总经理",
        "0996-0000006",
    ),
    (
        "且末县示例天然气管道有限公司",
        "91652825MA7EX0007",
        "油气管道",
        "且末县",
        "且末县示例输气站7号",
        "陈立新",
        "站长",
        "0996-0000007",
    ),
    (
        "若羌县示例机械加工厂",
        "91652824MA7EX0008",
        "工贸",
        "若羌县",
        "若羌县示例工业区8号",
        "王建华",
        "厂长",
        "0996-0000008",
    ),
]


def main(argv: list[str]) -> int:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    out = Path(argv[0]) if argv else OUT
    book = Workbook()
    sheet = book.active
    sheet.title = "企业名单"
    sheet.append(["巴音郭楞州安全生产监管企业名单（示例数据，单位与人员均为虚构）"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(HEADERS)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for name, first17, sector, region, address, head, title, phone in ROWS:
        code = first17 + uscc.check_character(first17)
        uscc.validate(code)  # raises if the structure is wrong: the sample must import cleanly
        sheet.append([name, code, sector, region, address, head, title, phone, "示例数据"])
    for column, width in zip("ABCDEFGHI", (30, 22, 12, 10, 30, 12, 10, 14, 10), strict=True):
        sheet.column_dimensions[column].width = width
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
