"""Core's Chinese messages reach the English interface in English: every message of the modules the field
app shows has a catalogue entry with the same number of parts."""

import ast
import re
from pathlib import Path

import pytest

from inspector.ui import core_messages

ROOT = Path(__file__).parents[2] / "inspector" / "core"
SHOWN = [
    "profile.py",
    "office.py",
    "capture/inspections.py",
    "capture/findings.py",
    "capture/media.py",
    "capture/measures.py",
    "register/enterprises.py",
    "register/uscc.py",
    "register/enterprise_import.py",
    "register/enterprise_sheet.py",
    "documents/numbering.py",
    "documents/content.py",
    "documents/issue.py",
    "signing/keys.py",
    "store/store.py",
    "ledger/lifecycle.py",
    "ledger/recheck.py",
    "ledger/query.py",
    "ledger/stats.py",
    "ledger/export.py",
]
NOT_SHOWN = {"是否", "号", "take_number 必须在保存文书的同一事务中调用（store.transaction()）"}
HAN = re.compile(r"[\u4e00-\u9fff]")


def core_templates():
    for name in SHOWN:
        for node in ast.walk(ast.parse((ROOT / name).read_text(encoding="utf-8"))):
            called = getattr(node, "func", None) and getattr(node.func, "id", "")
            if not (isinstance(node, ast.Call) and (called.endswith("Error") or called == "_refuse_if")):
                continue
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    text = arg.value
                elif isinstance(arg, ast.JoinedStr):
                    text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in arg.values)
                else:
                    continue
                if HAN.search(text) and text not in NOT_SHOWN:
                    yield name, text


@pytest.mark.parametrize(("module", "template"), sorted(set(core_templates())))
def test_every_core_message_has_an_english_wording(module, template):
    assert template in core_messages.CATALOGUE, f"{module}: {template!r} has no English wording"
    assert template.count("{}") == core_messages.CATALOGUE[template].count("{}")


def test_parts_are_carried_over():
    assert (
        core_messages.english("执法证号 A-1234 已属于 王芳")
        == "Certificate number A-1234 already belongs to 王芳"
    )
    assert core_messages.english("没见过的消息") == "没见过的消息"


def test_the_english_interface_translates_and_the_chinese_shows_core_as_it_is(qapp):
    from tests.ui.conftest import interface_language

    with interface_language(qapp, "zh_CN"):
        assert core_messages.core_text(ValueError("请填写姓名")) == "请填写姓名"
    with interface_language(qapp, "en"):
        assert core_messages.core_text(ValueError("请填写姓名")) == "Enter the name"
        grade = core_messages.core_text(ValueError("本条默认为重大事故隐患，改为一般事故隐患须写明理由"))
        assert (
            grade == "This item is a major hazard by default: changing it to a general hazard needs a reason"
        )
