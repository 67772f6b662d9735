"""Hostile and oversized enterprise sheets: each refused with a clear message, the database unchanged."""

import openpyxl
import pytest

from inspector.cli import main
from inspector.core import spreadsheet
from inspector.core.register import enterprise_import, enterprise_sheet, enterprises
from inspector.core.register.enterprise_import import ImportFileError
from tests import hostile

HEADER = ["单位名称", "统一社会信用代码", "行业", "地址", "联系电话", "备注"]
GOOD = ["库尔勒恒远机械有限公司", None, "工贸", "库尔勒市开发区", "0996-2021234", None]


def refused(store, path) -> str:
    """The message of the refusal; asserts that the database did not change."""
    before = hostile.database_hash(store)
    with pytest.raises(ImportFileError) as caught:
        report = enterprise_import.read(store, path)
        enterprise_import.apply(store, report)
    assert hostile.database_hash(store) == before
    return str(caught.value)


def test_a_merged_range_to_the_last_cell_costs_nothing(demo_store, tmp_path):
    path = hostile.xlsx(tmp_path / "merged.xlsx", [HEADER, GOOD], merges=["B4:XFD1048576"])
    assert path.stat().st_size < 5_000
    report = enterprise_import.read(demo_store, path)  # read-only mode never expands merged ranges
    assert [p.row for p in report.to_add] == [2]


def test_a_small_file_cannot_put_a_300_mb_address_in_the_register(demo_store, tmp_path):
    path = hostile.xlsx_with_huge_cell(tmp_path / "bomb.xlsx", [HEADER], column=4, text_bytes=300 * 2**20)
    assert path.stat().st_size < 2_000_000
    message = refused(demo_store, path)
    assert "bomb.xlsx" in message and "解压后" in message and "上限 256 MB" in message


def test_a_long_cell_within_the_size_limit_rejects_its_row_naming_the_field(demo_store, tmp_path):
    long_address = ["某公司", None, "工贸", "库" * 5000, None, None]
    path = hostile.xlsx(tmp_path / "long.xlsx", [HEADER, GOOD, long_address])
    before = hostile.database_hash(demo_store)
    report = enterprise_import.read(demo_store, path)
    assert [str(p) for p in report.rejected] == ["第 3 行（地址）：地址不能超过 200 个字（此格有 5000 个字）"]
    with pytest.raises(enterprise_import.ImportRefused):
        enterprise_import.apply(demo_store, report)
    assert hostile.database_hash(demo_store) == before
    # each field has its own limit, also when typed in a form
    with pytest.raises(enterprises.EnterpriseError) as caught:
        enterprises.create(demo_store, {"name": "某公司", "legal_rep": "张" * 51})
    assert caught.value.field == "legal_rep" and "不能超过 50 个字" in str(caught.value)


@pytest.mark.parametrize("phone", ["=1+1", "电话见备注", "12", "0996-2021234" + "9" * 40])
def test_a_phone_that_is_not_a_number_is_refused(demo_store, phone):
    with pytest.raises(enterprises.EnterpriseError) as caught:
        enterprises.create(demo_store, {"name": "某公司", "phone": phone})
    assert caught.value.field == "phone"


@pytest.mark.parametrize("phone", ["0996-2021234", "(0996)2021234", "+86 138 9901 2345", "0996-2021234转801"])
def test_usual_phone_numbers_are_accepted(demo_store, phone):
    assert enterprises.create(demo_store, {"name": f"某公司{phone}", "phone": phone})["phone"] == phone


def test_formula_looking_text_is_stored_as_text(demo_store, tmp_path):
    formula = '=HYPERLINK("http://example.com","点击")'
    rows = [HEADER, [formula, None, "工贸", "+1 号厂房", None, "@SUM(A1:A9)"], ["-某公司", None, "工贸"]]
    path = hostile.xlsx(tmp_path / "formula.xlsx", rows)  # inline strings: text cells, not formulas
    applied = enterprise_import.apply(demo_store, enterprise_import.read(demo_store, path))
    assert applied.added == 2
    saved = enterprises.search(demo_store, "HYPERLINK")[0]
    assert (saved["name"], saved["address"], saved["notes"]) == (formula, "+1 号厂房", "@SUM(A1:A9)")
    assert spreadsheet.formula_like(saved["name"]) and not spreadsheet.formula_like("恒远")


def test_malformed_xml_inside_the_workbook_is_a_located_error(demo_store, tmp_path, capsys):
    path = hostile.broken_xml_xlsx(tmp_path / "damaged.xlsx", [HEADER, GOOD])
    message = refused(demo_store, path)
    assert "“damaged.xlsx”内部的 XML 已损坏" in message
    demo_store.close()
    assert main(["enterprises", "import-xlsx", str(path)]) == 2
    err = capsys.readouterr().err
    assert "XML 已损坏" in err and "Traceback" not in err


def test_too_many_rows_or_columns_are_refused_with_the_limit(demo_store, tmp_path, monkeypatch):
    monkeypatch.setattr(enterprise_sheet, "MAX_SHEET_ROWS", 5)
    path = hostile.xlsx(tmp_path / "rows.xlsx", [HEADER] + [[f"公司{n}"] for n in range(10)])
    assert "超过 5 行" in refused(demo_store, path)
    wide = GOOD + [None] * 100 + ["x"]
    path = hostile.xlsx(tmp_path / "wide.xlsx", [HEADER, wide])
    message = refused(demo_store, path)
    assert f"第 2 行在第 {spreadsheet.MAX_COLUMNS} 列之后还有内容" in message
    # empty cells far to the right are no problem
    path = hostile.xlsx(tmp_path / "padded.xlsx", [HEADER, GOOD + [None] * 100 + [""]])
    assert len(enterprise_import.read(demo_store, path).to_add) == 1


def test_out_of_memory_while_reading_is_a_clear_error(demo_store, tmp_path, monkeypatch):
    path = hostile.xlsx(tmp_path / "ok.xlsx", [HEADER, GOOD])

    def no_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(openpyxl, "load_workbook", no_memory)
    assert "内存不足" in refused(demo_store, path)


def test_many_duplicates_make_one_line_with_a_count(demo_store, tmp_path):
    rows = [HEADER] + [["同名公司", None, "工贸"] for _ in range(3000)] + [GOOD]
    path = hostile.xlsx(tmp_path / "same.xlsx", rows)
    report = enterprise_import.read(demo_store, path)
    assert [str(p) for p in report.rejected] == [
        "第 2 行（单位名称）：第 2、3、4、5、6 行等共 3000 行的单位名称相同"
    ]
    assert len(report.rejected_rows) == 3000
    applied = enterprise_import.apply(demo_store, report, skip_bad=True)
    assert (applied.added, len(applied.skipped_rows)) == (1, 3000)


def test_the_code_lookup_uses_the_index(demo_store):
    plan = demo_store.rows("EXPLAIN QUERY PLAN " + enterprises.CODE_OWNER_SQL, ["x", None])
    details = " ".join(row["detail"] for row in plan)
    assert "USING INDEX enterprises_code" in details and "SCAN enterprises" not in details


# -- checklist sheets ----------------------------------------------------------------------------------

CHECKLIST_HEADER = ["序号", "检查项目", "检查内容", "检查方法", "检查依据"]
CHECKLIST_META = ["行业：工贸", None, "版本：2026.1", None, "检查表编号：hostile-test"]
CHECKLIST_ROWS = [
    ["巴州工贸企业安全检查表"],
    CHECKLIST_META,
    CHECKLIST_HEADER,
    [1, "安全管理", "是否建立安全生产责任制", "查阅文件", "《中华人民共和国安全生产法》第四条"],
    [2, None, "是否开展安全培训", "查阅记录", "《中华人民共和国安全生产法》第二十八条"],
]


def checklist_refused(path) -> str:
    from inspector.core.checklists import ChecklistError
    from inspector.core.checklists.xlsx import read_xlsx

    with pytest.raises(ChecklistError) as caught:
        read_xlsx(path)
    return str(caught.value)


def test_checklist_sheet_merge_to_the_last_cell_is_clipped(tmp_path):
    from inspector.core.checklists.xlsx import read_xlsx

    path = hostile.xlsx(tmp_path / "merged.xlsx", CHECKLIST_ROWS, merges=["B4:XFD1048576"])
    result = read_xlsx(path)  # clipped to the rows and columns used: nothing huge is made
    assert [i.content for i in result.checklist.items] == ["是否建立安全生产责任制", "是否开展安全培训"]


def test_checklist_sheet_bombs_and_damage_are_located_errors(tmp_path, monkeypatch):
    from inspector.core.checklists import xlsx as checklist_xlsx

    bomb = hostile.xlsx_with_huge_cell(
        tmp_path / "bomb.xlsx", CHECKLIST_ROWS, column=3, text_bytes=300 * 2**20
    )
    assert "“bomb.xlsx”解压后有" in checklist_refused(bomb)
    damaged = hostile.broken_xml_xlsx(tmp_path / "damaged.xlsx", CHECKLIST_ROWS)
    assert "“damaged.xlsx”内部的 XML 已损坏" in checklist_refused(damaged)
    wide = hostile.xlsx(tmp_path / "wide.xlsx", [*CHECKLIST_ROWS, [3] + [None] * 100 + ["x"]])
    assert f"在第 {spreadsheet.MAX_COLUMNS} 列之后还有内容" in checklist_refused(wide)
    monkeypatch.setattr(spreadsheet, "MAX_MERGED_RANGES", 2)
    many = hostile.xlsx(tmp_path / "many.xlsx", CHECKLIST_ROWS, merges=["A1:B1", "A2:B2", "A3:B3"])
    assert "超过 2 个合并单元格区域" in checklist_refused(many)
    monkeypatch.setattr(checklist_xlsx, "MAX_ROWS", 4)
    assert "超过 4 行" in checklist_refused(hostile.xlsx(tmp_path / "rows.xlsx", CHECKLIST_ROWS))


def test_checklist_sheet_out_of_memory_is_a_clear_error(tmp_path, monkeypatch):
    import openpyxl

    def no_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(openpyxl, "load_workbook", no_memory)
    path = hostile.xlsx(tmp_path / "ok.xlsx", CHECKLIST_ROWS)
    assert "内存不足" in checklist_refused(path)


def test_a_cancelled_import_changes_nothing(demo_store, tmp_path, monkeypatch):
    from inspector.core import progress

    monkeypatch.setattr(progress, "EVERY", 10)
    rows = [HEADER] + [[f"巴州第{n}号企业有限公司", None, "工贸"] for n in range(50)]
    path = hostile.xlsx(tmp_path / "many.xlsx", rows)
    seen = []

    def stop_at_20(done, total):
        seen.append((done, total))
        if done >= 20:
            raise progress.Cancelled()

    with pytest.raises(progress.Cancelled):
        enterprise_import.read(demo_store, path, stop_at_20)
    assert seen[0] == (10, 0)  # this file declares no size: a busy bar
    report = enterprise_import.read(demo_store, path)
    before = hostile.database_hash(demo_store)
    seen.clear()
    with pytest.raises(progress.Cancelled):
        enterprise_import.apply(demo_store, report, progress=stop_at_20)
    assert seen == [(10, 50), (20, 50)]
    assert hostile.database_hash(demo_store) == before


def test_the_checklist_command_reports_a_damaged_sheet_without_a_traceback(tmp_path, capsys):
    damaged = hostile.broken_xml_xlsx(tmp_path / "damaged.xlsx", CHECKLIST_ROWS)
    out = tmp_path / "out.yaml"
    assert main(["checklists", "import-xlsx", str(damaged), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "内部的 XML 已损坏" in err and "Traceback" not in err and not out.exists()
    bomb = hostile.alias_bomb()
    path = tmp_path / "bomb.yaml"
    path.write_text(bomb, encoding="utf-8")
    assert main(["checklists", "validate", str(path)]) == 1
    err = capsys.readouterr()
    assert "锚点（&a0）" in err.out + err.err


def test_text_written_to_a_spreadsheet_is_never_a_formula(tmp_path):
    formula = '=HYPERLINK("http://example.com","点击")'
    book = openpyxl.Workbook()
    spreadsheet.set_text(book.active["A1"], formula)
    spreadsheet.set_text(book.active["A2"], "库尔勒恒远机械有限公司")
    book.save(tmp_path / "out.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "out.xlsx").active["A1"]
    assert (cell.value, cell.data_type) == (formula, "s")
