"""Ingest: PDF debris is undone and paragraphs are rebuilt."""

from __future__ import annotations

from kg.ingest.normalize import clean_chars, normalise, paragraphs

FULL_LINE = "这是一行足够长的正文内容用于判断页面宽度是多少啊好"  # 27 characters, 54 columns: sets the page width


def _after_full_lines(lines: list[str]) -> list[str]:
    """Paragraphs of eight full body lines (so the text reads as hard-wrapped) followed by ``lines``."""
    return normalise("\n".join([FULL_LINE] * 8 + lines))[0].split("\n")

WRAPPED = """\
一、工作回顾

过去一年，我们坚持稳中求进工作总基调，全区地区生产总值完成4

12.6亿元，同比增长 8.5%，一般公共预算收入达 31 亿元，

— 3 —

 规模以上工业增加值增长 9.1%，固定资产投资增长 10.2%，社会

消费品零售总额增长 11.3%。

（一）实施“产业强区”行动

我们大力发展先进制造业，全年新签约亿元以上项目 20个，总投资

65.6亿元，项目建设取得新成效，发展后劲持续增强，经济运行稳

中向好。

- 4 -

12

二、今年工作安排
"""

CLEAN = (
    "一、工作回顾\n"
    "过去一年，我们坚持稳中求进工作总基调，全区地区生产总值完成412.6亿元，同比增长8.5%，一般公共预算收入达31亿元，"
    "规模以上工业增加值增长9.1%，固定资产投资增长10.2%，社会消费品零售总额增长11.3%。\n"
    "（一）实施“产业强区”行动\n"
    "我们大力发展先进制造业，全年新签约亿元以上项目20个，总投资65.6亿元，项目建设取得新成效，发展后劲持续增强，经济运行稳中向好。\n"
    "二、今年工作安排"
)


def test_wrapped_lines_rejoin_numbers_and_drop_page_numbers() -> None:
    text, _ = normalise(WRAPPED)
    assert "412.6亿元" in text
    assert "— 3 —" not in text and "- 4 -" not in text
    assert "\n12\n" not in text


def test_lone_digit_before_a_number_is_part_of_it() -> None:
    lines = ["这是一行足够长的正文内容用于判断页面宽度是多少啊好"] * 10
    raw = "\n".join([*lines[:5], "全区生产总值完成这是一行足够长的正文内容用于判断", "4", "12.6亿元。", *lines[5:]])
    assert "完成这是一行足够长的正文内容用于判断412.6亿元。" in normalise(raw)[0]


def test_debris_variant_normalises_to_the_clean_text() -> None:
    assert normalise(WRAPPED)[0] == normalise(CLEAN)[0] == CLEAN


def test_paragraph_spans_slice_the_text() -> None:
    text, spans = normalise(WRAPPED)
    assert len(spans) == 5
    for s in spans:
        assert text[s.start : s.end] == s.text


def test_spaces_next_to_chinese_are_removed_but_not_between_latin_words() -> None:
    assert paragraphs("联东 U谷 和 洛阳 LYC 以及 Industry 4.0 项目")[0] == "联东U谷和洛阳LYC以及Industry 4.0项目"


def test_full_width_digits_and_corner_quotes() -> None:
    assert clean_chars("增长１２．５％，「六稳」") == "增长12.5%，“六稳”"


def test_straight_quotes_are_paired() -> None:
    assert paragraphs('落实"六稳"和"六保"任务')[0] == "落实“六稳”和“六保”任务"


def test_wrapped_heading_is_one_heading() -> None:
    raw = "\n".join(["二、2035年远景目标及“十四五”时期经济社会发展", "主要任务目标", *(["这是一行足够长的正文内容用于判断页面宽度是多少啊好"] * 10)])
    assert paragraphs(raw)[0] == "二、2035年远景目标及“十四五”时期经济社会发展主要任务目标"


def test_traditional_text_is_converted_but_simplified_text_is_left_alone() -> None:
    trad = "各位代表：\n現在，我代表區人民政府向大會報告工作。全區生產總值增長8%，推進產業轉型升級，實施「六穩」工作。"
    assert paragraphs(trad)[1] == "现在，我代表区人民政府向大会报告工作。全区生产总值增长8%，推进产业转型升级，实施“六稳”工作。"
    simp = "各位代表：\n支持乾县、乾坤科技等企业发展，皇后镇后来居上，推进产业转型升级工作取得新成效。"
    assert paragraphs(simp)[1] == "支持乾县、乾坤科技等企业发展，皇后镇后来居上，推进产业转型升级工作取得新成效。"


def test_a_heading_that_fills_its_line_and_glossary_entries_start_paragraphs() -> None:
    paras = _after_full_lines(
        [
            "（六）坚持生态优先，扎实推进黄河流域生态保护和高质量",
            "深入打好“三大保卫战”，严格落实“一河一渠”治理责任，确",
            "保水质稳定达标。",
            "7、“三品一标”：品种培优、品质提升、品牌打造和标准化生产。",
            "8、“五个一批”：签约一批、开工一批、投产一批、储备一批",
            "一批。",
        ]
    )
    assert "（六）坚持生态优先，扎实推进黄河流域生态保护和高质量" in paras
    assert "深入打好“三大保卫战”，严格落实“一河一渠”治理责任，确保水质稳定达标。" in paras
    assert "8、“五个一批”：签约一批、开工一批、投产一批、储备一批一批。" in paras


def test_a_lone_page_number_in_the_run_of_page_numbers_is_not_part_of_the_next_number() -> None:
    body = "这是一行足够长的正文内容用于判断页面宽度是多少啊好"
    raw = "\n".join([body] * 5 + ["- 10 -", body, "每千人口执业医师数达到这是一行足够长的正文内容", "11", " 2.9人。", "- 12 -", body])
    text = normalise(raw)[0]
    assert "达到这是一行足够长的正文内容2.9人。" in text and "112.9" not in text


def test_after_a_full_line_that_ends_a_sentence_a_bracket_numbered_entry_starts_a_paragraph() -> None:
    paras = _after_full_lines(
        [
            "“三园”指锦溪汽车产业园、锦溪电子信息产业园和锦溪港物流园。",
            "（2）“2+4”现代产业体系：“2”指汽车、电子信息两大主导产业",
            "。",
        ]
    )
    assert "（2）“2+4”现代产业体系：“2”指汽车、电子信息两大主导产业。" in paras
    # mid-sentence, a bracketed number at a line start stays in its paragraph
    mid = "\n".join(_after_full_lines(["重点推进三项工作，一是稳增长，二是促改革，三是惠民生，其中", "（1）号文件已经印发。", "短行。"]))
    assert "其中（1）号文件已经印发。" in mid


def test_glossary_entries_numbered_with_chinese_numerals_or_in_lenticular_brackets_are_not_headings() -> None:
    paras = _after_full_lines(
        [
            "附：名词解释",
            "三、“两不愁三保障”：指农村贫困人口不愁吃、不愁穿，义",
            "务教育、基本医疗、住房安全有保障。",
            "【三大会战】指项目建设会战、产业招商会战、营商环境优",
            "化会战。【五个一批】指签约一批、开工一批、投产一批。",
        ]
    )
    # 三、“term”：… fills its line like a heading would, but it is an entry: read on
    assert "三、“两不愁三保障”：指农村贫困人口不愁吃、不愁穿，义务教育、基本医疗、住房安全有保障。" in paras
    paras2 = _after_full_lines(
        ["附件：名词解释", "【三大会战】指项目建设会战、产业招商会战、营商环境优化会战。", "【五个一批】指签约一批、开工一批、投产一批、储备一批。"]
    )
    assert "【五个一批】指签约一批、开工一批、投产一批、储备一批。" in paras2


def test_after_a_full_line_the_address_the_glossary_heading_and_bracketed_entries_open_paragraphs() -> None:
    paras = _after_full_lines(
        [
            "全县各族干部群众团结奋斗的结果。在此，我代表县人民政府表示感谢",
            "各位代表！新征程催人奋进，新使命重任在肩，让我们团结一心奋斗",
            "名词解释",
            "〔2〕一园两带三区：“一园”即察隆县高原生态产业园；“两带”即黄",
            "河上游生态保护带、沿线文旅融合发展带；“三区”即三个区域。",
            "〔3〕“1+6+N”联农带牧机制：指以1家龙头企业为引领的产业联结。",
        ]
    )
    assert "各位代表！新征程催人奋进，新使命重任在肩，让我们团结一心奋斗" in paras
    assert "名词解释" in paras
    assert "〔3〕“1+6+N”联农带牧机制：指以1家龙头企业为引领的产业联结。" in paras


def test_a_名词注释_heading_and_unquoted_bracket_numbered_entries_after_full_lines() -> None:
    paras = _after_full_lines(
        [
            "让我们团结一心奋勇前进，为建设美丽幸福的家园而努力奋斗好！",
            "名词注释",
            "（一）一主六双：吉林省委提出的产业空间布局，“一主”指长春经",
            "济圈，“六双”指双廊双带。",
            "（二）林下经济：依托森林资源和林地空间发展林下种植的产业形",
            "态。",
        ]
    )
    assert "名词注释" in paras
    # （一）term：… fills its line like a heading would, but in the glossary it is an entry: read on
    assert "（一）一主六双：吉林省委提出的产业空间布局，“一主”指长春经济圈，“六双”指双廊双带。" in paras
    assert "（二）林下经济：依托森林资源和林地空间发展林下种植的产业形态。" in paras
