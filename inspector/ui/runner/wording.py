"""Turn a checklist question into the first draft of a problem statement (the inspector edits it)."""

_NEGATIVE_AFTER = (
    "存在",
    "超",
    "有",
    "使用",
    "占用",
    "锁闭",
    "堵塞",
    "违规",
    "违章",
    "擅自",
    "私拉",
    "混放",
    "出现",
)


def problem_text(content: str) -> str:
    """``是否设置报警装置`` → ``未设置报警装置``; ``甲烷浓度是否超限`` → ``甲烷浓度超限``."""
    text = content.strip().rstrip("？?。")
    if "是否" not in text:
        return f"{text}不符合要求"
    before, after = text.split("是否", 1)
    if after.startswith(_NEGATIVE_AFTER):
        return f"{before}{after}"
    if after.startswith("按"):
        return f"{before}未{after}"
    return f"{before}未{after}"
