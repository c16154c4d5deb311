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



SHORT_END = "短句到此结束。"
INDENTED_LINE = FULL_LINE[:-2]  # a paragraph's first line on a page that indents by two characters
PAGE = len(FULL_LINE)  # characters in a full line


def _fill(head: str, tail: str = "", short_by: int = 0) -> str:
    """``head`` + filler + ``tail``, ``short_by`` characters short of a full line."""
    return head + "好" * (PAGE - short_by - len(head) - len(tail)) + tail


def _flush_page(lines: list[str]) -> list[str]:
    """Paragraphs of a page whose paragraphs start flush (full first lines), then ``lines``."""
    return normalise("\n".join([FULL_LINE, FULL_LINE, SHORT_END] * 6 + lines))[0].split("\n")


def _indented_page(lines: list[str]) -> list[str]:
    """The same on a page that indents each paragraph's first line (as the seed's PDF does)."""
    return normalise("\n".join([INDENTED_LINE, FULL_LINE, SHORT_END] * 6 + lines))[0].split("\n")


def test_on_a_flush_page_a_line_with_room_for_two_more_characters_ends_its_paragraph() -> None:
    heading = _fill("（二）坚持项目为王，增强经济发展后劲", short_by=2)
    body = "强化项目建设。全年计划实施重点项目126个。"
    assert heading in _flush_page([heading, body])
    # one character short is a line the typesetter filled (it will not start a line with ，)
    assert _fill("（二）坚持项目为王", short_by=1) + body in _flush_page([_fill("（二）坚持项目为王", short_by=1), body])
    # before a number, room for the whole number: 一、2024年工作回顾 | 2024年是…
    assert "2024年是关键一年。" in _flush_page([_fill("一、2024年工作回顾", short_by=3), "2024年是关键一年。"])
    # on a page that indents, the same width is a first line and the paragraph reads on
    assert heading + body in _indented_page([heading, body])


def test_a_heading_that_fills_its_line_stands_alone_when_its_neighbours_do() -> None:
    full = _fill("（一）坚持生态优先，守护黄河上游生态安全")
    body = "持续推进防沙治沙。深入实施“治沙增绿”行动。"
    paras = _flush_page([full, body, "（二）坚持项目为王", "强化项目建设。"])
    assert full in paras and body in paras
    # where the next heading runs on with its body, a full heading line reads on too
    assert full + body in _flush_page([full, body, "（二）坚持项目为王。强化项目建设。"])


def test_a_lead_that_fills_its_line_stands_alone_when_leads_with_its_opening_do() -> None:
    lead = _fill("一年来，我们持续发力创新驱动", "。")
    leads = ["一年来，我们提升城区品质。", "全年新建道路12条。", "一年来，我们增进民生福祉。", "新增学位9600个。"]
    assert lead in _flush_page([lead, "全社会研发经费投入强度达到3.2%。", *leads])
    # where the leads run on (这五年，X。Y…), one after a full sentence line opens a paragraph
    run_in = ["这五年，生态屏障筑得更牢。我们全面落实禁牧制度。", "这五年，能源基地迈出新步伐。装机翻番。"]
    nxt = "这五年，城乡面貌焕然一新。道路全面提升。"
    assert nxt in _flush_page([*run_in, _fill("这五年，乡村振兴扎实推进，农牧民收入持续增加", "。"), nxt])


def test_in_a_glossary_an_unquoted_or_dashed_entry_after_a_full_line_starts_a_paragraph() -> None:
    entries = [
        _fill("河长制：由各级党政主要负责人担任河长", "。"),
        "放管服：简政放权、放管结合、优化服务。",
        _fill("“智改数转”——制造业智能化改造和数字化转型的简称", "。"),
        "“专精特新”——指具备专业化、精细化、特色化、新颖化特征的企业。",
        _fill("11.“两旧一村”——旧区改造和城中村改造", "。"),
        "12. 15分钟社区生活圈——在15分钟步行可达范围内配备基本服务。",
    ]
    paras = _flush_page(["名词解释", *entries])
    for entry in entries:
        assert entry in paras


def test_a_line_that_starts_with_closing_punctuation_or_a_numeral_list_reads_on() -> None:
    entry, ratio = _fill("八、高原夏菜：利用高海拔地区夏季冷凉气候生产"), _fill("全县地区生产总值增长", "第")
    paras = _after_full_lines([entry, "、在全国蔬菜淡季上市的露地蔬菜。", ratio, "二、三产业增加值占比提高到72.4%。"])
    assert entry + "、在全国蔬菜淡季上市的露地蔬菜。" in paras
    assert ratio + "二、三产业增加值占比提高到72.4%。" in paras


def test_a_document_number_stays_on_the_title_and_a_plain_heading_leaves_a_full_sentence() -> None:
    title, opening = _fill("南溪市第十六届人民代表大会第五次会议", "文件"), _fill("现在，我代表市人民政府向大会报告工作", "。")
    paras = _flush_page([title, "（一）", "政府工作报告", opening, "过去一年工作回顾", "全年增长。"])
    assert title + "（一）" in paras and "过去一年工作回顾" in paras


def test_a_named_programme_after_a_full_line_opens_a_paragraph_when_the_last_one_did() -> None:
    first = [_fill("实施“高原旅游振兴”行动，串联雪山、湿地公园和特色村落"), _fill("，打造文旅融合发展带", "。")]
    second = "实施“民族手工艺振兴”工程，建设民族手工艺创业孵化基地。"
    assert second in _after_full_lines([SHORT_END, *first, second])



def test_two_latin_words_split_by_the_wrap_keep_their_space_and_a_split_word_does_not() -> None:
    broke_at_space = "好" * (PAGE - 6) + "冠屹Mini"  # four columns short: LED did not fit after the space
    cut_in_word = "好" * (PAGE - 2) + "Smar"  # a full line: the wrap cut the word itself
    full_at_space = "好" * (PAGE - 4) + "岚光Mini"  # full, but the space fell at the break: a lower-case end, an upper-case start
    paras = "\n".join(
        _flush_page([broke_at_space, "LED背光模组项目开工。", SHORT_END, cut_in_word, "t工厂建成。", SHORT_END, full_at_space, "LED模组投产。"])
    )
    assert "冠屹Mini LED背光模组项目" in paras and "Smart工厂" in paras and "岚光Mini LED模组" in paras
