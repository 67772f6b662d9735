#!/usr/bin/env python3
"""Copy the articles the checklists cite from a LawRefBook/Laws clone into checklists/laws/*.yaml.

    python tools/vendor_laws.py /path/to/LawRefBook-Laws-git-dir [--commit HEAD]

Only laws and State Council regulations listed in ``LAWS`` are vendored; every article any checklist
cites (basis or major) is copied verbatim, plus the articles named in ``EXTRA``. Existing files are
rewritten. ``tools/check_citations.py`` then checks every citation against these files.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from check_citations import article_of, cited_pairs  # noqa: E402

# full title → (slug, path in LawRefBook/Laws, edition)
LAWS = {
    "中华人民共和国安全生产法": (
        "anquan-shengchan-fa",
        "社会法/安全生产法(2021-06-10).md",
        "2021-06-10 修正",
    ),
    "中华人民共和国消防法": ("xiaofang-fa", "行政法/消防法(2021-04-29).md", "2021-04-29 修正"),
    "中华人民共和国石油天然气管道保护法": (
        "youqi-guandao-baohu-fa",
        "经济法/石油天然气管道保护法(2010-06-25).md",
        "2010-06-25 公布",
    ),
    "中华人民共和国建筑法": ("jianzhu-fa", "经济法/建筑法(2019-04-23).md", "2019-04-23 修正"),
    "中华人民共和国防洪法": ("fanghong-fa", "经济法/防洪法(2016-07-02).md", "2016-07-02 修正"),
    "中华人民共和国特种设备安全法": (
        "tezhong-shebei-fa",
        "社会法/特种设备安全法(2013-06-29).md",
        "2013-06-29 公布",
    ),
    "中华人民共和国道路交通安全法": (
        "daolu-jiaotong-fa",
        "行政法/道路交通安全法(2021-04-29).md",
        "2021-04-29 修正",
    ),
    "中华人民共和国矿山安全法": (
        "kuangshan-anquan-fa",
        "社会法/矿山安全法(2009-08-27).md",
        "2009-08-27 修正",
    ),
    "危险化学品安全管理条例": (
        "weihua-tiaoli",
        "行政法规/危险化学品安全管理条例(2013-12-07).md",
        "2013-12-07 修订",
    ),
    "建设工程安全生产管理条例": (
        "jianshe-gongcheng-tiaoli",
        "行政法规/建设工程安全生产管理条例(2003-11-24).md",
        "2003-11-24 公布",
    ),
    "中华人民共和国道路运输条例": (
        "daolu-yunshu-tiaoli",
        "行政法规/道路运输条例(2023-07-20).md",
        "2023-07-20 修订",
    ),
    "中华人民共和国道路交通安全法实施条例": (
        "daolu-jiaotong-shishi-tiaoli",
        "行政法规/道路交通安全法实施条例(2017-10-07).md",
        "2017-10-07 修订",
    ),
    "大型群众性活动安全管理条例": (
        "dxhd-tiaoli",
        "行政法规/大型群众性活动安全管理条例(2007-09-14).md",
        "2007-09-14 公布",
    ),
    "校车安全管理条例": ("xiaoche-tiaoli", "行政法规/校车安全管理条例(2012-04-05).md", "2012-04-05 公布"),
    "城镇燃气管理条例": ("ranqi-tiaoli", "行政法规/城镇燃气管理条例(2016-02-06).md", "2016-02-06 修订"),
    "生产安全事故应急条例": (
        "yingji-tiaoli",
        "行政法规/生产安全事故应急条例(2019-02-17).md",
        "2019-02-17 公布",
    ),
    "安全生产许可证条例": (
        "xukezheng-tiaoli",
        "行政法规/安全生产许可证条例(2014-07-29).md",
        "2014-07-29 修订",
    ),
    "生产安全事故报告和调查处理条例": (
        "shigu-baogao-tiaoli",
        "行政法规/生产安全事故报告和调查处理条例(2007-04-09).md",
        "2007-04-09 公布",
    ),
    "煤矿安全生产条例": ("meikuang-tiaoli", "行政法规/煤矿安全生产条例(2024-01-24).md", "2024-01-24 公布"),
}
EXTRA: dict[str, list[str]] = {}

_ARTICLE_LINE = re.compile(r"^(第[一二三四五六七八九十百零〇]+条(?:之[一二三四五六七八九十]+)?)\s+(.*)$")


def articles(markdown: str) -> dict[str, str]:
    """Each article of a LawRefBook file: its number → its paragraphs joined by newlines."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in markdown.splitlines():
        line = raw.strip()
        if not line or line.startswith("<!--"):
            continue
        if line.startswith("#"):
            current = None
            continue
        start = _ARTICLE_LINE.match(line)
        if start:
            current = found.setdefault(start.group(1), [])
            current.append(start.group(2).strip())
        elif current is not None:
            current.append(line)
    return {number: "\n".join(parts) for number, parts in found.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("git_dir", type=Path)
    parser.add_argument("--commit", default="HEAD")
    args = parser.parse_args()
    wanted: dict[str, set[str]] = {}
    for pair in cited_pairs(ROOT / "checklists"):
        article = article_of(pair.clause)
        if pair.title in LAWS and article:
            wanted.setdefault(pair.title, set()).add(article)
    for title, extra in EXTRA.items():
        wanted.setdefault(title, set()).update(extra)
    out = ROOT / "checklists" / "laws"
    out.mkdir(exist_ok=True)
    for title, (slug, path, edition) in LAWS.items():
        if title not in wanted:
            continue
        text = subprocess.run(
            ["git", "-C", str(args.git_dir), "show", f"{args.commit}:{path}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        known = articles(text)
        cited = sorted(wanted[title], key=_order)
        missing = [a for a in cited if a not in known]
        data = {
            "title": title,
            "edition": edition,
            "source": f"github.com/LawRefBook/Laws {path}",
            "articles": {a: known[a] for a in cited if a in known},
        }
        (out / f"{slug}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100000), encoding="utf-8"
        )
        note = f"（原文没有：{'、'.join(missing)}）" if missing else ""
        print(f"{slug}.yaml: {len(data['articles'])} 条{note}")
    return 0


def _order(article: str) -> int:
    from check_citations import chinese_number

    return chinese_number(article[1 : article.index("条")])


if __name__ == "__main__":
    raise SystemExit(main())
