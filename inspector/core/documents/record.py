"""现场检查记录 (应急检记): the record of every on-site inspection."""

from __future__ import annotations

from inspector.core.capture.findings import GRADE_LABELS
from inspector.core.documents.layout import cn_span, strip_suffix
from inspector.core.documents.parts import Ctx, body, closing, header, line, numbered


def opening(c: dict) -> str:
    names = "、".join(p["name"] for p in c["inspectors"])
    certs = "、".join(p["cert_no"] for p in c["inspectors"])
    body_name = strip_suffix(c["office"]["issuing_body"], "应急管理局") or "＿＿＿＿"
    return (
        f"我们是{body_name}应急管理局行政执法人员{names}，证件号码为{certs}，这是我们的证件（出示证件）。"
        "现依法对你单位进行现场检查，请予以配合。"
    )


def checked(sheet: dict) -> str:
    return (
        f"依据《{sheet['title']}》（版本：{sheet['version']}），共{sheet['items']}项，检查{sheet['checked']}项："
        f"符合{sheet['passed']}项，不符合{sheet['failed']}项，不适用{sheet['na']}项"
    )


def finding(problem: dict) -> str:
    description = problem["description"].rstrip("。")
    text = f"部位：{problem['spot']}；问题：{description}（{GRADE_LABELS[problem['grade']]}）"
    if problem["photos"]:
        refs = "、".join(f"照片{p['n']}（{p['sha256'][:8]}）" for p in problem["photos"])
        text += f"；{refs}"
    return text


def story(ctx: Ctx) -> list:
    c = ctx.content
    e, i = c["enterprise"], c["inspection"]
    flow = [*header(ctx)]
    flow.append(line(ctx, f"被检查单位：{e['name']}"))
    flow.append(line(ctx, f"地址：{e['address']}"))
    flow.append(
        line(
            ctx,
            f"法定代表人（负责人）：{e['legal_rep']}　　职务：{e['legal_rep_title']}"
            f"　　联系电话：{e['phone']}",
        )
    )
    flow.append(line(ctx, f"检查场所：{i['place'] or e['address']}"))
    flow.append(line(ctx, f"检查时间：{cn_span(i['started_at'], i['finished_at'])}"))
    flow.append(body(ctx, opening(c)))
    flow.append(line(ctx, "检查情况："))
    sheets = [checked(sheet) for sheet in c["checklists"]]
    flow += [body(ctx, text + "。") for text in sheets] or [body(ctx, "未使用检查表。")]
    if c["problems"]:
        flow.append(body(ctx, f"发现问题{len(c['problems'])}项："))
        flow += numbered(ctx, [finding(p) for p in c["problems"]])
    else:
        flow.append(body(ctx, "未发现问题。"))
    last = flow.pop()
    flow.append(
        closing(
            ctx,
            "被检查单位现场负责人（签名）：",
            inspector_label="检查人员（签名）：",
            with_seal=False,
            keep_with=[last],
        )
    )
    return flow
