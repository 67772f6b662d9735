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
    "fireworks": "烟花爆竹",
    "city_gas": "城镇燃气",
    "general": "综合/专项",
}


# Wordings met in office spreadsheets for the sectors (危化品, 非煤矿山 …).
ALIASES = {
    "危化": "hazchem",
    "危化品": "hazchem",
    "化工": "hazchem",
    "危险化学品经营": "hazchem",
    "煤炭": "coal_mine",
    "煤业": "coal_mine",
    "非煤矿山": "metal_mine",
    "非煤": "metal_mine",
    "金属矿山": "metal_mine",
    "尾矿库": "metal_mine",
    "建筑": "construction",
    "建设施工": "construction",
    "建设工程": "construction",
    "房屋建筑": "construction",
    "人员密集场所": "fire",
    "商场": "fire",
    "宾馆": "fire",
    "酒店": "fire",
    "学校": "fire",
    "医院": "fire",
    "交通": "road_transport",
    "交通运输": "road_transport",
    "道路交通": "road_transport",
    "客运": "road_transport",
    "货运": "road_transport",
    "危货运输": "road_transport",
    "油气管道": "pipeline",
    "管道": "pipeline",
    "输油管道": "pipeline",
    "输气管道": "pipeline",
    "冶金": "industry_trade",
    "有色": "industry_trade",
    "建材": "industry_trade",
    "机械": "industry_trade",
    "轻工": "industry_trade",
    "纺织": "industry_trade",
    "烟草": "industry_trade",
    "商贸": "industry_trade",
    "工贸行业": "industry_trade",
    "工贸企业": "industry_trade",
    "冶金有色": "industry_trade",
    "粉尘涉爆": "industry_trade",
    "涉氨制冷": "industry_trade",
    "烟花": "fireworks",
    "爆竹": "fireworks",
    "烟花爆竹生产": "fireworks",
    "烟花爆竹经营": "fireworks",
    "烟花爆竹批发": "fireworks",
    "燃气": "city_gas",
    "燃气经营": "city_gas",
    "管道燃气": "city_gas",
    "瓶装燃气": "city_gas",
    "液化石油气": "city_gas",
    "液化气": "city_gas",
    "燃气用户": "city_gas",
    "综合": "general",
    "专项": "general",
    "其他": "general",
    "其它": "general",
}


def label(sector: str) -> str:
    return SECTORS.get(sector, sector)


def from_text(text: str) -> str | None:
    """A sector id from its id, its Chinese name or a common wording (spreadsheets use names)."""
    text = text.strip()
    if text in SECTORS:
        return text
    if text in ALIASES:
        return ALIASES[text]
    for key, name in SECTORS.items():
        if text and (text == name or text in name or name.startswith(text)):
            return key
    return None
