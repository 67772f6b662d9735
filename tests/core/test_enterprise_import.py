"""Importing the register of enterprises from an office's Excel sheet, and the headless commands."""

import json
import time

import openpyxl
import pytest

from inspector.cli import main
from inspector.core.register import enterprise_import, enterprises, uscc
from inspector.core.register.enterprise_import import ImportFileError, ImportRefused, Problem
from inspector.core.store import audit


def code(first17: str) -> str:
    return first17 + uscc.check_character(first17)


HENGTONG = code("91652801MA7D1E2F3")
HONGDA = code("91652827MA7E2F3G4")
FRESH = code("91652826MA7H5J6K7")
BAD = "91310115MA1H8R7C6D"  # check character should be 7
TAHE = code("91652822MA77X1K2A")  # 轮台县塔河煤业有限公司 in the demo data

HEADERS = [
    "序号",
    "企业名称",
    "社会信用代码",
    "所属行业",
    "县（市）",
    "经营地址",
    "法定代表人（负责人）",
    "职务",
    "联系电话",
    "备注",
]


def write_sheet(path, rows, headers=HEADERS, title="巴州2026年第一季度重点监管企业名单", sheet="重点企业"):
    """A sheet as offices make them: a merged title row, a line about who filled it in, then the table."""
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = sheet
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
        ws.append(["填报单位：库尔勒市应急管理局", None, None, "填报日期：2026年3月2日"])
    ws.append(headers)
    for row in rows:
        ws.append(row)
    workbook.save(path)
    return path


ROWS = [
    # row 4: a new enterprise; the phone typed as a number
    [
        1,
        "库尔勒恒通液化气有限公司",
        HENGTONG,
        "危化品",
        "库尔勒市",
        "库尔勒市218国道东侧",
        "王建军",
        "站长",
        13899012345,
        None,
    ],
    # row 5: already registered (same code): new address and a note
    [
        2,
        "轮台县塔河煤业有限公司",
        TAHE,
        "煤矿",
        "轮台县",
        "轮台县阳霞镇煤矿工业园2号井",
        "马建国",
        "矿长",
        "0996-4601234",
        "2026年复工复产",
    ],
    [None] * 10,  # row 6: blank
    # row 7: a code whose check character is wrong
    [
        3,
        "和静县鑫源石料厂",
        BAD,
        "非煤矿山",
        "和静县",
        "和静县巴润哈尔莫敦镇",
        "巴特尔",
        "负责人",
        "13909961234",
        None,
    ],
    # row 8: no name
    [4, None, FRESH, "工贸", "焉耆回族自治县", "焉耆县工业园区", "马红梅", "总经理", "0996-6021122", None],
    # rows 9 and 10: the same code twice
    [
        5,
        "焉耆县宏达面粉有限公司",
        HONGDA,
        "工贸",
        "焉耆回族自治县",
        "焉耆县七个星镇",
        "马红",
        "总经理",
        None,
        None,
    ],
    [
        6,
        "焉耆县宏达面粉有限公司二分厂",
        HONGDA,
        "工贸",
        "焉耆回族自治县",
        "焉耆县七个星镇",
        "马红",
        "厂长",
        None,
        None,
    ],
    # row 11: registered without a code, matched by its exact name; blank cells keep what is registered
    [7, "尉犁县兴农农资门市（个体）", None, None, None, None, None, None, "13565439999", None],
    # row 12: new, no code (individual business)
    [
        8,
        "博湖县西海渔村农家乐",
        None,
        "人员密集场所",
        "博湖县",
        "博湖县博斯腾湖景区",
        "李海",
        "经营者",
        "13899012346",
        None,
    ],
]


@pytest.fixture
def sheet_path(tmp_path):
    return write_sheet(tmp_path / "重点企业名单.xlsx", ROWS)


def counts(store):
    return (
        store.row("SELECT count(*) AS n FROM enterprises")["n"],
        store.row("SELECT count(*) AS n FROM audit_log")["n"],
    )


def test_report_finds_the_header_below_the_title_and_plans_every_row(demo_store, sheet_path):
    report = enterprise_import.read(demo_store, sheet_path)
    sheet = report.sheet
    assert (sheet.sheet_name, sheet.header_row) == ("重点企业", 3)
    assert sheet.columns == {
        "name": "企业名称",
        "code": "社会信用代码",
        "sector": "所属行业",
        "region": "县（市）",
        "address": "经营地址",
        "legal_rep": "法定代表人（负责人）",
        "legal_rep_title": "职务",
        "phone": "联系电话",
        "notes": "备注",
    }
    assert sheet.ignored == ["序号"]
    assert report.rows_read == 8  # the blank row is not counted
    assert [p.row for p in report.to_add] == [4, 12]
    assert [p.row for p in report.to_update] == [5, 11]
    assert report.rejected == [
        Problem(7, "社会信用代码", "统一社会信用代码校验位错误：第 18 位应为“7”，实际为“D”"),
        Problem(8, "企业名称", "缺少单位名称"),
        Problem(9, "社会信用代码", "第 9、10 行的统一社会信用代码相同"),
    ]
    assert report.rejected_rows == [7, 8, 9, 10]
    assert str(report.rejected[0]) == (
        "第 7 行（社会信用代码）：统一社会信用代码校验位错误：第 18 位应为“7”，实际为“D”"
    )
    added = report.to_add[0].values
    assert (added["sector"], added["phone"], added["code"]) == ("hazchem", "13899012345", HENGTONG)
    assert report.to_add[1].values["sector"] == "fire"


def test_by_default_a_sheet_with_bad_rows_imports_nothing(demo_store, sheet_path):
    before = counts(demo_store)
    report = enterprise_import.read(demo_store, sheet_path)
    with pytest.raises(ImportRefused) as caught:
        enterprise_import.apply(demo_store, report)
    assert caught.value.report.rejected_rows == [7, 8, 9, 10]
    assert counts(demo_store) == before
    assert enterprises.search(demo_store, "恒通") == []


def test_skip_bad_imports_the_good_rows_only_in_one_go(demo_store, sheet_path):
    enterprises_before, audit_before = counts(demo_store)
    registered_phone = enterprises.search(demo_store, "兴农")[0]
    report = enterprise_import.read(demo_store, sheet_path)
    applied = enterprise_import.apply(demo_store, report, skip_bad=True)
    assert (applied.added, applied.updated, applied.skipped_rows) == (2, 2, [7, 8, 9, 10])
    assert counts(demo_store) == (enterprises_before + 2, audit_before + 4)
    assert audit.verify(demo_store.conn).ok

    tahe = enterprises.search(demo_store, TAHE)[0]
    assert (tahe["address"], tahe["notes"]) == ("轮台县阳霞镇煤矿工业园2号井", "2026年复工复产")
    xingnong = enterprises.search(demo_store, "兴农")[0]
    assert xingnong["phone"] == "13565439999"
    # blank cells did not erase what was registered
    for kept in ("sector", "region", "address", "legal_rep", "legal_rep_title"):
        assert xingnong[kept] == registered_phone[kept]
    for rejected in ("鑫源", "宏达"):
        assert enterprises.search(demo_store, rejected) == []
    assert enterprises.search(demo_store, "西海渔村")[0]["code"] is None

    # the same sheet again changes nothing
    again = enterprise_import.read(demo_store, sheet_path)
    assert (len(again.to_add), len(again.to_update), len(again.unchanged)) == (0, 0, 4)


def test_a_clean_sheet_imports_without_asking(demo_store, tmp_path):
    path = write_sheet(tmp_path / "clean.xlsx", [ROWS[0], ROWS[-1]], title=None)
    report = enterprise_import.read(demo_store, path)
    assert report.ok and report.sheet.header_row == 1
    assert enterprise_import.apply(demo_store, report).added == 2


@pytest.mark.parametrize(
    "headers",
    [
        ["单位名称", "统一社会信用代码", "行业", "地区", "地址", "法定代表人", "职务", "电话", "备注"],
        ["被检查单位", "信用代码", "行业类别", "所属地区", "单位地址", "负责人", "职务", "手机", "备注"],
        [
            "*名称",
            "统一社会信用代码\n（18位）",
            "所属行业",
            "区域",
            "注册地址",
            "法人",
            "职 务",
            "联系电话",
            "备注",
        ],
        [
            "生产经营单位名称",
            "社会信用代码",
            "行业领域",
            "县市区",
            "详细地址",
            "主要负责人",
            "负责人职务",
            "负责人电话",
            "说明",
        ],
    ],
)
def test_headers_in_different_wordings(demo_store, tmp_path, headers):
    row = [
        "和硕县金海加油站",
        HENGTONG.lower(),
        "危险化学品",
        "和硕县",
        "和硕县特吾里克镇",
        "孙刚",
        "站长",
        "13609961122",
        "加油站",
    ]
    report = enterprise_import.read(demo_store, write_sheet(tmp_path / "s.xlsx", [row], headers=headers))
    assert set(report.sheet.columns) == set(enterprises.FIELDS)
    assert report.ok
    values = report.to_add[0].values
    assert values == {
        "name": "和硕县金海加油站",
        "code": HENGTONG,
        "sector": "hazchem",
        "region": "和硕县",
        "address": "和硕县特吾里克镇",
        "legal_rep": "孙刚",
        "legal_rep_title": "站长",
        "phone": "13609961122",
        "notes": "加油站",
    }


def test_a_code_excel_turned_into_a_number_is_rejected_with_the_reason(demo_store, tmp_path):
    path = write_sheet(tmp_path / "n.xlsx", [[1, "某公司", float("911101066976941872")]], headers=HEADERS[:3])
    report = enterprise_import.read(demo_store, path)
    assert report.rejected_rows == [4]
    assert "数字格式" in report.rejected[0].reason and "文本" in report.rejected[0].reason


def test_every_problem_of_a_row_is_listed(demo_store, tmp_path):
    path = write_sheet(tmp_path / "p.xlsx", [[1, "", BAD, "养殖业"]], headers=HEADERS[:4])
    reasons = [(p.column, p.reason.split("：")[0]) for p in enterprise_import.read(demo_store, path).rejected]
    assert reasons == [
        ("企业名称", "缺少单位名称"),
        ("社会信用代码", "统一社会信用代码校验位错误"),
        ("所属行业", "未知行业“养殖业”，应为"),
    ]


def test_same_name_with_a_different_registered_code_is_rejected(demo_store, tmp_path):
    path = write_sheet(tmp_path / "c.xlsx", [[1, "轮台县塔河煤业有限公司", HENGTONG]], headers=HEADERS[:3])
    (problem,) = enterprise_import.read(demo_store, path).rejected
    assert problem.column == "社会信用代码"
    assert f"统一社会信用代码为 {TAHE}" in problem.reason


def test_apply_plans_again_against_the_register_as_it_is_then(demo_store, sheet_path):
    report = enterprise_import.read(demo_store, sheet_path)
    assert [p.values["name"] for p in report.to_add][-1] == "博湖县西海渔村农家乐"
    # meanwhile a colleague registers it by hand
    enterprises.create(demo_store, {"name": "博湖县西海渔村农家乐", "sector": "fire"})
    applied = enterprise_import.apply(demo_store, report, skip_bad=True)
    assert applied.added == 1  # only 恒通; 西海渔村 became an update, not a second record
    assert len(enterprises.search(demo_store, "西海渔村")) == 1


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("名单.xls", b"\xd0\xcf\x11\xe0 old excel", "旧版 Excel 97-2003"),
        ("名单.csv", "单位名称,统一社会信用代码\n".encode(), "应为 .xlsx"),
        ("名单.xlsx", b"this is not a zip", "无法作为 Excel 工作簿（.xlsx）读取"),
    ],
)
def test_a_file_that_is_not_an_xlsx_is_named_and_explained(demo_store, tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as caught:
        enterprise_import.read(demo_store, path)
    assert name in str(caught.value) and expected in str(caught.value)


def test_a_sheet_without_a_header_row_says_what_was_expected(demo_store, tmp_path):
    rows = [["库尔勒恒通液化气有限公司", HENGTONG]]
    path = write_sheet(tmp_path / "无表头.xlsx", rows, headers=["甲", "乙"])
    with pytest.raises(ImportFileError) as caught:
        enterprise_import.read(demo_store, path)
    message = str(caught.value)
    assert "无表头.xlsx" in message and "找不到表头行" in message and "“单位名称”" in message


def test_a_header_row_without_a_name_column_is_refused(demo_store, tmp_path):
    path = write_sheet(tmp_path / "无名称.xlsx", [[HENGTONG, "危化品"]], headers=["统一社会信用代码", "行业"])
    with pytest.raises(ImportFileError, match="没有单位名称列"):
        enterprise_import.read(demo_store, path)


def test_missing_file(demo_store, tmp_path):
    with pytest.raises(ImportFileError, match="找不到文件"):
        enterprise_import.read(demo_store, tmp_path / "nothere.xlsx")


def test_a_large_sheet_is_read_and_planned_quickly(demo_store, tmp_path):
    workbook = openpyxl.Workbook(write_only=True)
    ws = workbook.create_sheet("名单")
    ws.append(["单位名称", "统一社会信用代码", "行业", "地区"])
    for i in range(10_000):
        ws.append([f"巴州第{i:05d}号企业有限公司", code(f"916528{i:06d}MA7Q1"), "工贸", "库尔勒市"])
    path = tmp_path / "big.xlsx"
    workbook.save(path)
    started = time.perf_counter()
    report = enterprise_import.read(demo_store, path)
    seconds = time.perf_counter() - started
    assert report.ok and len(report.to_add) == 10_000
    assert seconds < 10, f"reading and planning 10,000 rows took {seconds:.1f} s"


# -- the headless commands ----------------------------------------------------------------------------------


def test_cli_import_names_rows_and_reasons_and_refuses_by_default(demo_store, sheet_path, capsys):
    before = counts(demo_store)
    assert main(["enterprises", "import-xlsx", str(sheet_path)]) == 1
    out, err = capsys.readouterr()
    assert "表头在第 3 行" in out
    assert "共读取 8 行：新增 2，更新 2，无变化 0，有问题 4" in out
    assert "第 7 行（社会信用代码）：统一社会信用代码校验位错误：第 18 位应为“7”，实际为“D”" in out
    assert "第 8 行（企业名称）：缺少单位名称" in out
    assert "第 9 行（社会信用代码）：第 9、10 行的统一社会信用代码相同" in out
    assert "--skip-bad" in err
    assert counts(demo_store) == before

    assert main(["enterprises", "import-xlsx", str(sheet_path), "--skip-bad", "--dry-run"]) == 0
    assert "试运行" in capsys.readouterr().out
    assert counts(demo_store) == before

    assert main(["enterprises", "import-xlsx", str(sheet_path), "--skip-bad"]) == 0
    assert "已导入：新增 2 家，更新 2 家，跳过有问题的 4 行" in capsys.readouterr().out
    assert counts(demo_store)[0] == before[0] + 2


def test_cli_import_of_an_unreadable_file(demo_store, tmp_path, capsys):
    path = tmp_path / "名单.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    assert main(["enterprises", "import-xlsx", str(path)]) == 2
    assert "名单.xls" in capsys.readouterr().err


def test_cli_list_json_keys_and_search(demo_store, capsys):
    assert main(["enterprises", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 7
    assert all(set(item) == {"id", "name", "code", "sector", "region"} for item in listed)
    tahe = next(item for item in listed if item["name"] == "轮台县塔河煤业有限公司")
    assert (tahe["code"], tahe["sector"], tahe["region"]) == (TAHE, "coal_mine", "轮台县")
    assert next(item for item in listed if "兴农" in item["name"])["code"] is None

    assert main(["enterprises", "list", "--json", "--search", "尉犁"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert main(["enterprises", "list", "--search", "塔河"]) == 0
    out = capsys.readouterr().out
    assert "轮台县塔河煤业有限公司" in out and "煤矿" in out and "共 1 家" in out


def test_cli_add(demo_store, capsys):
    assert main(["enterprises", "add", "--name", "和硕县金海加油站", "--code", BAD]) == 1
    assert "第 18 位应为“7”，实际为“D”" in capsys.readouterr().err
    assert (
        main(
            [
                "enterprises",
                "add",
                "--name",
                "和硕县金海加油站",
                "--code",
                HENGTONG,
                "--sector",
                "危化品",
                "--legal-rep",
                "孙刚",
                "--title",
                "站长",
            ]
        )
        == 0
    )
    new_id = capsys.readouterr().out.strip()
    saved = enterprises.get(demo_store, new_id)
    assert (saved["sector"], saved["legal_rep_title"], saved["code"]) == ("hazchem", "站长", HENGTONG)
