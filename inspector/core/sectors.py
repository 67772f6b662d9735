"""The sectors an enterprise and a checklist belong to."""

SECTORS = {
    "coal_mine": "煤矿",
    "metal_mine": "金属非金属矿山",
    "hazchem": "危险化学品",
    "construction": "建筑施工",
    "fire": "消防（人员密集场所）",
    "road_transport": "道路运输",
    "pipeline": "油气输送管道",
    "industry_trade": "工贸",
    "general": "综合/专项",
}


def label(sector: str) -> str:
    return SECTORS.get(sector, sector)


def from_text(text: str) -> str | None:
    """A sector id from its id or its Chinese name (spreadsheets use names)."""
    text = text.strip()
    if text in SECTORS:
        return text
    for key, name in SECTORS.items():
        if text and (text == name or text in name or name.startswith(text)):
            return key
    return None
