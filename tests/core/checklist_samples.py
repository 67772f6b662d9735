"""A small valid checklist file (the README's example) for the checklist tests to start from."""

from __future__ import annotations

from pathlib import Path

VALID = """\
format: 1
id: coal-mine
title: 煤矿安全生产检查表
sector: coal_mine
version: "2026.1"
effective: 2026-01-01
sources:
  - key: aqf
    title: 中华人民共和国安全生产法
    number: 主席令第88号
  - key: coal-major
    title: 煤矿重大事故隐患判定标准
sections:
  - id: S01
    title: 安全管理
    items:
      - id: CM-001
        content: 是否建立健全全员安全生产责任制
        method: 查阅责任制文件及考核记录
        basis:
          - {source: aqf, clause: 第四条}
      - id: CM-002
        content: 回风巷甲烷浓度是否超限
        method: 现场检测
        basis:
          - {source: coal-major, clause: 第六条}
        major: {source: coal-major, clause: 第三条第（二）项}
        measure: {name: 甲烷浓度, unit: "%", max: 1.0}
        photo_required: true
        tags: [复工复产]
"""


def variant(old: str, new: str, text: str = VALID) -> str:
    """The sample with one exact piece replaced (it must occur)."""
    assert old in text, old
    return text.replace(old, new, 1)


def write(folder: Path, name: str, text: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def checklist_text(
    checklist_id: str = "coal-mine",
    version: str = "2026.1",
    title: str = "煤矿安全生产检查表",
    sector: str = "coal_mine",
) -> str:
    text = variant("id: coal-mine", f"id: {checklist_id}")
    text = variant('version: "2026.1"', f'version: "{version}"', text)
    text = variant("title: 煤矿安全生产检查表", f"title: {title}", text)
    return variant("sector: coal_mine", f"sector: {sector}", text)
