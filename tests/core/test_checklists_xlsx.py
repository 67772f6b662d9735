"""Spreadsheets as offices write them → checklist files; bad sheets are refused by row and column."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook

from inspector.cli import main
from inspector.core.checklists import ChecklistError, Measure, load_file
from inspector.core.checklists.xlsx import import_xlsx, match_columns, read_xlsx

MAJOR_121 = "化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）"
HEADER = [
    "序号",
    "检查项目",
    "检查内容",
    "检查方法",
    "检查依据\n（法律法规、标准）",
    "重大隐患判定依据",
    "测量项目",
    "单位",
    "上限",
    "需拍照",
    "标签",
    "备注",
    "检查结果",
]


def realistic_sheet(path):
    """A sheet like the ones offices keep in WPS: title and metadata rows, section rows, merged cells."""
    wb = Workbook()
    ws = wb.active
    ws.title = "检查表"
    ws.append(["危险化学品经营单位（带储存）安全检查表"])
    ws.merge_cells("A1:M1")
    ws.append(["行业：危险化学品", None, "版本：2026.2", None, "施行日期：2026-03-01"])
    ws.append(HEADER)
    ws.append(["一、安全管理"])
    ws.merge_cells("A4:M4")
    ws.append(
        [
            1,
            "安全生产责任制",
            "是否建立健全全员安全生产责任制",
            "查阅责任制文件及考核记录",
            "《中华人民共和国安全生产法》第四条、第二十二条",
        ]
    )
    ws.append(
        [
            2,
            None,
            "主要负责人是否经考核合格",
            "查阅考核合格证明",
            "《安全生产法》第二十七条",
            f"《{MAJOR_121}》第一项",
            None,
            None,
            None,
            None,
            "暗访",
        ]
    )
    ws.merge_cells("B5:B6")  # 分类 merged over its rows
    ws.append(
        [
            3,
            "隐患排查",
            "是否建立隐患排查治理制度并如实记录",
            "查阅制度及隐患台账",
            "《中华人民共和国安全生产法》第四十一条第一款、第二款",
        ]
    )
    ws.append(["二、储存场所"])
    ws.merge_cells("A8:M8")
    ws.append(
        [
            4,
            "仓库",
            "库房内可燃气体浓度",
            "使用便携式可燃气体检测仪检测",
            "《危险化学品仓库储存通则》（GB 15603-2022）5.1",
            None,
            "可燃气体浓度",
            "%LEL",
            25,
            "是",
            "汛期、复工复产",
            "[UNCONFIRMED] 条款号未核对",
            "合格",
        ]
    )
    ws.append(
        [
            5,
            None,
            "是否超量、超品种储存",
            "现场核对储存品种、数量",  # blank 分类: same as above
            "《危险化学品安全管理条例》第二十四条；《危险化学品仓库储存通则》（GB 15603-2022）相关条款",
            f"依据《{MAJOR_121}》第十八项",
            None,
            None,
            None,
            "是",
        ]
    )
    wb.save(path)
    return path


def test_realistic_sheet_round_trips(tmp_path):
    out = tmp_path / "hazchem-store.yaml"
    result = import_xlsx(realistic_sheet(tmp_path / "仓库检查表.xlsx"), out)
    checklist = load_file(out)
    assert checklist == result.checklist
    assert out.read_text(encoding="utf-8") == result.text
    assert (checklist.id, checklist.title, checklist.sector, checklist.version, checklist.effective) == (
        "hazchem-store",
        "危险化学品经营单位（带储存）安全检查表",
        "hazchem",
        "2026.2",
        date(2026, 3, 1),
    )
    assert result.ignored_columns == ["M 列“检查结果”"]
    assert [(s.id, s.title, [i.id for i in s.items]) for s in checklist.sections] == [
        ("S01", "安全管理—安全生产责任制", ["HS-001", "HS-002"]),
        ("S02", "安全管理—隐患排查", ["HS-003"]),
        ("S03", "储存场所—仓库", ["HS-004", "HS-005"]),
    ]
    assert {key: (s.title, s.number) for key, s in checklist.sources.items()} == {
        "aqf": ("中华人民共和国安全生产法", ""),
        "src2": (MAJOR_121, ""),
        "gb15603": ("危险化学品仓库储存通则", "GB 15603-2022"),
        "whp": ("危险化学品安全管理条例", ""),
    }
    one, two, three, four, five = checklist.items
    assert (one.content, one.method) == ("是否建立健全全员安全生产责任制", "查阅责任制文件及考核记录")
    assert one.basis_text() == "《中华人民共和国安全生产法》第四条；《中华人民共和国安全生产法》第二十二条"
    assert one.major is None and not one.photo_required and one.tags == ()
    assert two.basis_text() == "《中华人民共和国安全生产法》第二十七条"  # the short name resolved
    assert two.major_text() == f"《{MAJOR_121}》第一项"
    assert two.tags == ("暗访",)
    assert three.basis_text() == (
        "《中华人民共和国安全生产法》第四十一条第一款；《中华人民共和国安全生产法》第四十一条第二款"
    )
    assert four.measure == Measure("可燃气体浓度", "%LEL", None, 25)
    assert four.measure.limit_text() == "≤ 25 %LEL"
    assert four.photo_required and four.tags == ("汛期", "复工复产")
    assert four.note == "[UNCONFIRMED] 条款号未核对"
    assert four.basis_text() == "《危险化学品仓库储存通则》（GB 15603-2022）5.1"
    assert five.basis_text() == (
        "《危险化学品安全管理条例》第二十四条；《危险化学品仓库储存通则》（GB 15603-2022）相关条款"
    )
    assert five.major_text() == f"《{MAJOR_121}》第十八项"
    assert checklist.major_items == (two, five)


def test_import_is_deterministic(tmp_path):
    sheet = realistic_sheet(tmp_path / "sheet.xlsx")
    first = read_xlsx(sheet, id="store-a")
    again = read_xlsx(sheet, id="store-a")
    assert first.text == again.text
    assert first.checklist.content_hash == again.checklist.content_hash


def test_options_override_the_sheet(tmp_path):
    result = read_xlsx(
        realistic_sheet(tmp_path / "s.xlsx"),
        id="wh-special",
        title="仓库专项",
        sector="工贸",
        version="2027.1",
        effective="2027-01-01",
    )
    c = result.checklist
    assert (c.id, c.title, c.sector, c.version, c.effective) == (
        "wh-special",
        "仓库专项",
        "industry_trade",
        "2027.1",
        date(2027, 1, 1),
    )
    assert [i.id for i in c.items][:2] == ["WS-001", "WS-002"]


def bad_sheet(path):
    wb = Workbook()
    ws = wb.active
    ws.append(
        [
            "序号",
            "分类",
            "检查内容",
            "检查方法",
            "检查依据",
            "重大隐患判定依据",
            "测量项目",
            "下限",
            "上限",
            "需拍照",
        ]
    )
    ws.append(
        [1, "安全管理", "是否建立健全全员安全生产责任制", "查阅文件", "《中华人民共和国安全生产法》第四条"]
    )
    ws.append([2, None, "是否制定操作规程", None, "《中华人民共和国安全生产法》第二十一条"])
    ws.append([3, None, "是否开展隐患排查", "查阅台账", "安全生产法第41条"])
    ws.append([4, None, "主要负责人是否考核合格", "查阅证书", "《安全生产法》第二十七条", "是"])
    ws.append(
        [5, "现场", "甲烷浓度", "检测", "《煤矿安全规程》第一百七十二条", None, "甲烷浓度", None, "≤1.0"]
    )
    ws.append([6, None, "氧气浓度", "检测", "《煤矿安全规程》第一百三十五条", None, "氧气浓度", 23.5, 19.5])
    ws.append([7, None, "照明", "目测", "《煤矿安全规程》", None, None, None, None, "可能"])
    wb.save(path)
    return path


def test_bad_sheet_is_refused_by_row_and_column(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "bad.yaml"
    with pytest.raises(ChecklistError) as caught:
        import_xlsx(bad_sheet(tmp_path / "bad.xlsx"), out)
    assert [str(issue) for issue in caught.value.issues] == [
        "bad.xlsx:3:4: 条目 BA-002：第 3 行 D 列（检查方法）：缺少检查方法",
        "bad.xlsx:4:5: 条目 BA-003：第 4 行 E 列（检查依据）：无法识别依据“安全生产法第41条”："
        "请写成《法规或标准名称》第X条，多条之间用“；”分隔",
        "bad.xlsx:5:6: 条目 BA-004：第 5 行 F 列（重大隐患判定依据）：请写明判定依据，"
        "如《煤矿重大事故隐患判定标准》第三条第（二）项，而不是“是”",
        "bad.xlsx:6:9: 条目 BA-005：第 6 行 I 列（上限）：限值“≤1.0”应为数字",
        "bad.xlsx:7:8: 条目 BA-006：第 7 行 H 列（下限）：下限 23.5 大于上限 19.5",
        "bad.xlsx:8:5: 条目 BA-007：第 8 行 E 列（检查依据）：《煤矿安全规程》之后缺少条款："
        "请写成《煤矿安全规程》第X条（标准写条文号，如 4.2.3）",
        "bad.xlsx:8:10: 条目 BA-007：第 8 行 J 列（需拍照）：“可能”应为“是”或“否”",
    ]
    assert (caught.value.issues[0].line, caught.value.issues[0].column) == (3, 4)
    assert not out.exists()  # nothing written


def test_sheet_without_a_required_column(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    wb = Workbook()
    wb.active.append(["序号", "检查内容", "检查依据"])
    wb.active.append([1, "是否建立责任制", "《中华人民共和国安全生产法》第四条"])
    wb.save(tmp_path / "no-method.xlsx")
    with pytest.raises(ChecklistError) as caught:
        read_xlsx(tmp_path / "no-method.xlsx")
    assert [str(i) for i in caught.value.issues] == [
        "no-method.xlsx:1:1: 第 1 行表头中找不到“检查方法”列（可用的列名：检查方法、检查方式、方法）"
    ]


def test_sheet_without_a_header_row(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    wb = Workbook()
    wb.active.append(["这里没有表头"])
    wb.save(tmp_path / "plain.xlsx")
    with pytest.raises(ChecklistError, match="前 20 行中找不到表头行"):
        read_xlsx(tmp_path / "plain.xlsx")


def test_not_a_spreadsheet(tmp_path):
    fake = tmp_path / "old.xlsx"
    fake.write_bytes(b"\xd0\xcf\x11\xe0 an old .xls file")
    with pytest.raises(ChecklistError, match=r"无法作为 Excel 工作簿.*另存为 \.xlsx"):
        read_xlsx(fake)


def test_an_id_that_cannot_be_derived_must_be_given(tmp_path):
    with pytest.raises(ChecklistError, match="请用 --id 指定"):
        read_xlsx(realistic_sheet(tmp_path / "仓库检查表.xlsx"))


def test_existing_output_is_not_overwritten_without_force(tmp_path):
    sheet = realistic_sheet(tmp_path / "s.xlsx")
    out = tmp_path / "store.yaml"
    out.write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        import_xlsx(sheet, out)
    assert out.read_text(encoding="utf-8") == "mine"
    import_xlsx(sheet, out, force=True)
    assert load_file(out).id == "store"


def test_headers_are_matched_loosely():
    columns, ignored = match_columns(
        {
            1: "序 号",
            2: "检查类别",
            3: "检查内容及要求",
            4: "检查方式",
            5: "法律法规依据",
            6: "重大事故隐患判定依据（如有）",
            7: "检查情况",
        }
    )
    assert columns == {"serial": 1, "section": 2, "content": 3, "method": 4, "basis": 5, "major": 6}
    assert ignored == [7]


def test_cli_import_and_validate(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sheet = realistic_sheet(tmp_path / "仓库.xlsx")
    command = ["checklists", "import-xlsx", str(sheet), "--out", "store.yaml", "--id", "hazchem-store"]
    assert main(command) == 0
    out = capsys.readouterr()
    assert "已写入 store.yaml：危险化学品经营单位（带储存）安全检查表（hazchem-store 2026.2" in out.out
    assert "M 列“检查结果”" in out.err
    assert main(["checklists", "validate", "store.yaml"]) == 0
    assert main(["checklists", "import-xlsx", str(bad_sheet(tmp_path / "bad.xlsx")), "--out", "b.yaml"]) == 1
    err = capsys.readouterr().err
    assert "bad.xlsx：无法转换，未写入任何文件" in err
    assert "bad.xlsx:3:4: 条目 B-002：第 3 行 D 列（检查方法）：缺少检查方法" in err
    assert not (tmp_path / "b.yaml").exists()
