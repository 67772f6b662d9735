"""The rows below a spreadsheet's header → sections and items, with issues by row and column."""

from __future__ import annotations

import re
from datetime import date, datetime

from inspector.core.checklists import citations
from inspector.core.checklists.errors import Issue
from inspector.core.checklists.validate import ITEM_ID

# field → header names it is known by (compared after dropping spaces and parenthesised notes)
COLUMNS: dict[str, tuple[str, ...]] = {
    "serial": ("序号",),
    "item_id": ("条目编号", "编号", "代码"),
    "section": ("检查项目", "分类", "类别", "检查类别", "项目", "检查部位", "检查环节", "分项", "检查场所"),
    "content": ("检查内容", "检查标准", "检查要点", "检查事项", "内容"),
    "method": ("检查方法", "检查方式", "方法"),
    "basis": ("检查依据", "依据", "法律依据", "标准依据", "法规依据", "执法依据", "法律法规依据"),
    "major": ("重大隐患判定依据", "重大事故隐患判定依据", "重大隐患判定标准", "重大隐患"),
    "measure": ("测量项目", "检测项目", "检测指标"),
    "unit": ("单位",),
    "min": ("下限", "最小值", "最低值"),
    "max": ("上限", "最大值", "最高值"),
    "photo": ("不合格须拍照", "需拍照", "拍照"),
    "tags": ("标签",),
    "note": ("备注",),
}
REQUIRED = ("content", "method", "basis")
_HEADING_NUMBER = re.compile(  # 一、 （二） 3.
    r"^\s*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])\s*"
)
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)$")
_YES = {"是", "√", "✓", "y", "yes", "true", "1", "需要", "要"}
_NO = {"", "否", "×", "n", "no", "false", "0", "不需要", "无", "-", "/"}
_TAG_SPLIT = re.compile(r"[，,、;；\s]+")


def letter(column: int) -> str:
    from openpyxl.utils import get_column_letter  # only the import command needs openpyxl

    return get_column_letter(column)


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class RowReader:
    def __init__(self, path: str, rows: list[list], merged: dict, header_row: int, columns: dict[str, int]):
        self.path = path
        self.rows = rows
        self.merged = merged
        self.header_row = header_row
        self.columns = columns
        self.headers = {col: cell_text(rows[header_row - 1][col - 1]) for col in columns.values()}
        self.issues: list[Issue] = []

    def missing_columns(self) -> list[Issue]:
        found = []
        for name in REQUIRED:
            if name not in self.columns:
                known = "、".join(COLUMNS[name])
                message = f"第 {self.header_row} 行表头中找不到“{COLUMNS[name][0]}”列（可用的列名：{known}）"
                found.append(Issue(self.path, self.header_row, 1, None, message))
        return found

    def problem(self, row: int, name: str, message: str, item_id: str | None = None) -> None:
        col = self.columns.get(name, 0)
        where = f"第 {row} 行 {letter(col)} 列（{self.headers[col]}）" if col else f"第 {row} 行"
        self.issues.append(Issue(self.path, row, col, item_id, f"{where}：{message}"))

    def cells(self, number: int, row: list, *, fill: bool) -> dict[str, str]:
        values = {}
        for name, col in self.columns.items():
            value = row[col - 1] if col - 1 < len(row) else None
            if value is None and fill:
                value = self.merged.get((number, col))
            values[name] = cell_text(value)
        return values

    def sections(self, prefix: str) -> tuple[list[dict], list[dict]]:
        """(sources, sections) in the shape of the checklist file.

        A section is a run of rows with the same heading (a one-cell row such as 一、安全管理) and the
        same 分类; its title joins the two: 安全管理—安全生产责任制.
        """
        keys = citations.SourceKeys()
        sections: list[dict] = []
        seen_ids: dict[str, int] = {}
        heading = category = ""
        current = None
        for number, row in enumerate(self.rows[self.header_row :], start=self.header_row + 1):
            raw = [cell_text(v) for v in row if cell_text(v)]
            if not raw:
                continue
            if len(raw) == 1 and not self.cells(number, row, fill=False)["content"]:
                heading, category = _HEADING_NUMBER.sub("", raw[0]), ""
                continue
            values = self.cells(number, row, fill=True)
            category = values.get("section") or category  # blank: the same as above
            if current != (heading, category):
                current = (heading, category)
                title = "—".join(dict.fromkeys(t for t in current if t)) or "检查项目"
                sections.append({"id": f"S{len(sections) + 1:02d}", "title": title, "items": []})
            item = self.item(number, values, keys, prefix, seen_ids)
            if item is not None:
                sections[-1]["items"].append(item)
        if not sections:
            message = f"第 {self.header_row} 行表头之下没有检查条目"
            self.issues.append(Issue(self.path, self.header_row, 1, None, message))
        sources = [{k: v for k, v in s.items() if v} for s in keys.sources.values()]
        return sources, sections

    def item(self, number: int, values: dict, keys, prefix: str, seen: dict[str, int]) -> dict | None:
        count = len(self.issues)
        item_id = values.get("item_id") or f"{prefix}-{len(seen) + 1:03d}"
        if not ITEM_ID.match(item_id):
            self.problem(number, "item_id", f"条目编号“{item_id}”不合规则：用字母、数字和“-”“_”“.”")
        elif item_id in seen:
            self.problem(number, "item_id", f"条目编号“{item_id}”与第 {seen[item_id]} 行重复")
        seen.setdefault(item_id, number)
        for name, label in (("content", "检查内容"), ("method", "检查方法"), ("basis", "检查依据")):
            if not values[name]:
                self.problem(number, name, f"缺少{label}", item_id)
        basis = []
        if values["basis"]:
            basis = self.citations(number, "basis", values["basis"], keys, item_id)
        item = {"id": item_id, "content": values["content"], "method": values["method"], "basis": basis}
        if values.get("major", "").lower() in _YES:
            self.problem(
                number,
                "major",
                f"请写明判定依据，如《煤矿重大事故隐患判定标准》第三条第（二）项，而不是“{values['major']}”",
                item_id,
            )
        elif "major" in values and not citations.is_blank(values["major"]):
            major = self.citations(number, "major", values["major"], keys, item_id)
            if len(major) > 1:
                self.problem(number, "major", "重大隐患判定依据只能写一条", item_id)
            item["major"] = major[0] if major else None
        item["measure"] = self.measure(number, values, item_id)
        item["photo_required"] = self.flag(number, values, item_id)
        item["tags"] = [t for t in _TAG_SPLIT.split(values.get("tags", "")) if t]
        item["note"] = values.get("note", "")
        return item if len(self.issues) == count else None

    def citations(self, number: int, name: str, text: str, keys, item_id: str) -> list[dict]:
        try:
            cited = citations.parse(text)
        except ValueError as exc:
            self.problem(number, name, str(exc), item_id)
            return []
        return [{"source": keys.key(c), "clause": c.clause} for c in cited]

    def measure(self, number: int, values: dict, item_id: str) -> dict | None:
        name = values.get("measure", "")
        limits = {}
        written = [key for key in ("min", "max") if values.get(key)]
        for key in written:
            text = values[key].replace("％", "%").rstrip("%").strip()
            if not _NUMBER.match(text):
                self.problem(number, key, f"限值“{values[key]}”应为数字", item_id)
                continue
            limits[key] = float(text) if "." in text else int(text)
        if not name and not written:
            return None
        if not name:
            self.problem(number, written[0], "有限值但缺少测量项目名称", item_id)
        elif not written:
            self.problem(number, "measure", "测量项目至少要有下限或上限之一", item_id)
        elif "min" in limits and "max" in limits and limits["min"] > limits["max"]:
            self.problem(number, "min", f"下限 {limits['min']} 大于上限 {limits['max']}", item_id)
        return {"name": name, "unit": values.get("unit", ""), **limits}

    def flag(self, number: int, values: dict, item_id: str) -> bool:
        text = values.get("photo", "").strip().lower()
        if text in _YES:
            return True
        if text not in _NO:
            self.problem(number, "photo", f"“{values['photo']}”应为“是”或“否”", item_id)
        return False
