"""Each pipeline stage on a small report written for the tests, and the seed report."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.api import build_report
from kg.extract import extract
from kg.extract.common import is_slogan, slogan_count
from kg.ingest.load import load_document
from kg.numerals import cn_to_int, slogan_groups
from kg.resolve import Resolved, resolve

MINI = """\
政府工作报告
——2024年1月10日在临河市青山区第三届人民代表大会第四次会议上
青山区人民政府区长 李明
各位代表：
现在，我代表区人民政府，向大会报告工作，请予审议。
一、2023年工作回顾
2023年，全区地区生产总值达520亿元，增长6.5%。城乡居民人均可支配收入分别达45120元和26300元。
青山钢铁控股集团有限公司（以下简称“青钢”）完成技术改造。支持青钢、远航电子、华泰新材等重点企业做大做强。
二、2024年工作安排
全区经济社会发展主要预期目标是：地区生产总值增长6%以上，城镇登记失业率控制在4%以内。
我们将奋力实现“两区一中心”的发展目标。“两区”即全国绿色制造示范区、省级数字经济先行区；“一中心”即区域物流中心。
（一）实施“产业升级”行动
一是壮大主导产业。支持青钢建设年产50万吨特种钢项目，推进远航电子芯片封装项目。
二是建设平台载体。加快青山科技园、滨江产业园建设。
（二）实施“城市更新”行动
一是完善路网。加快建设迎宾大道、长江路、黄河路改造提升。
坚持党建引领，自治、法治、德治“三治融合”。
名词解释
三治融合：自治、法治、德治相融合。
四个一批：谋划一批、签约一批、开工一批、投产一批。
"""


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tmp_path_factory.mktemp("mini") / "qingshan-2024.txt"
    p.write_text(MINI, encoding="utf-8")
    return p


def test_numerals() -> None:
    assert [cn_to_int(s) for s in ("一", "十", "十三", "二十六", "一百")] == [1, 10, 13, 26, 100]
    assert slogan_groups("三区两中心一枢纽") == [(3, "区"), (2, "中心"), (1, "枢纽")]
    assert slogan_count("四新两特三争先") == 9
    assert slogan_count("双替代") == 2
    assert is_slogan("六稳") and is_slogan("三个高地")
    assert not is_slogan("三门峡渑池县") and not is_slogan("一个月") and not is_slogan("千亿强区")


def test_metadata_and_structure(mini: Path) -> None:
    doc = load_document(mini)
    md = doc.metadata
    assert (md.region, md.date, md.year, md.speaker, md.speaker_role) == ("青山区", "2024-01-10", 2024, "李明", "区长")
    kinds = [(s.id, s.kind) for s in doc.sections]
    assert ("1", "section") in kinds and ("2", "section") in kinds and ("g", "glossary") in kinds
    assert ("2-1", "subsection") in kinds and ("2-1-2", "item") in kinds
    assert [e.term.text for e in doc.glossary] == ["三治融合", "四个一批"]
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text


def test_extraction_finds_slogans_aliases_lists_and_measurements(mini: Path) -> None:
    doc = load_document(mini)
    res = resolve(doc, extract(doc))
    ents = {e.label: e for e in res.entities}
    comps = _pairs(res, "hasComponent")
    assert {("两区一中心", "两区"), ("两区", "全国绿色制造示范区"), ("一中心", "区域物流中心")} <= comps
    assert {("三治融合", "自治"), ("三治融合", "法治"), ("三治融合", "德治")} <= comps
    assert {("四个一批", "谋划一批"), ("四个一批", "投产一批")} <= comps
    assert ("产业升级", "壮大主导产业") in comps
    # alias definition: one node for 青钢 and its full name
    qg = ents.get("青山钢铁控股集团有限公司") or ents.get("青钢")
    assert qg is not None and qg.kind == "Enterprise"
    assert {"青钢", "青山钢铁控股集团有限公司"} <= {qg.label, *qg.aliases}
    assert ents["远航电子"].kind == "Enterprise" and ents["华泰新材"].kind == "Enterprise"
    assert ents["青山科技园"].kind == "Platform" and ents["滨江产业园"].kind == "Platform"
    assert ents["迎宾大道"].kind == "Place" and ents["长江路"].kind == "Place"
    assert ents["产业升级"].kind == "Action"
    involves = _pairs(res, "involves")
    assert (ents["产业升级"].label, qg.label) in involves
    assert not any(s == "城市更新" for s, _ in involves)  # scope: 青钢 is named only under 产业升级
    meas = {(m.indicator, m.value, m.unit, m.year, m.is_target, m.qualifier) for m, _ in res.measurements}
    assert ("地区生产总值", Decimal("520"), "亿元", 2023, False, None) in meas
    assert ("地区生产总值", Decimal("6"), "%", 2024, True, "以上") in meas
    assert ("城镇登记失业率", Decimal("4"), "%", 2024, True, "以内") in meas
    assert ("城镇居民人均可支配收入", Decimal("45120"), "元", 2023, False, None) in meas
    assert ("农村居民人均可支配收入", Decimal("26300"), "元", 2023, False, None) in meas


def test_slogan_count_mismatch_is_reported(tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_text(MINI.replace("三治融合：自治、法治、德治相融合。", "三治融合：自治、法治相融合。"), encoding="utf-8")
    res = build_report(p).resolved
    warnings = [w.message for w in res.warnings if w.kind == "slogan-count"]
    assert any("三治融合" in w and "3" in w and "2" in w for w in warnings)


def test_every_mention_slices_the_text(mini: Path, seed_path: Path) -> None:
    for path in (mini, seed_path):
        r = build_report(path)
        for e in r.resolved.entities:
            assert e.mentions, e.label
            for m in e.mentions:
                assert r.doc.text[m.start : m.end] == m.text
        for m, _ in r.resolved.measurements:
            assert r.doc.text[m.evidence.start : m.evidence.end] == m.evidence.text


def test_seed_report_key_facts(seed_path: Path) -> None:
    res = build_report(seed_path).resolved
    ents = {e.label: e for e in res.entities}
    comps = _pairs(res, "hasComponent")
    assert {("三区两中心一枢纽", "三区"), ("三区两中心一枢纽", "两中心"), ("三区两中心一枢纽", "一枢纽")} <= comps
    assert {("四新两特三争先", "四新"), ("四新两特三争先", "两特"), ("四新两特三争先", "三争先")} <= comps
    assert sum(1 for s, _ in comps if s == "八提") == 8
    assert sum(1 for s, _ in comps if s == "七横") == 7
    assert {"中信", "中信重工"} <= {ents["中信重工"].label, *ents["中信重工"].aliases}
    assert "洛阳LYC" in ents["洛轴"].aliases and "洛耐" in ents["中钢洛耐"].aliases
    assert ents["中部地区崛起"].kind == "Strategy" and ents["一带一路"].kind == "Strategy"
    involves = _pairs(res, "involves")
    assert {("制造业提质", "洛轴"), ("制造业提质", "中钢洛耐"), ("制造业提质", "河柴重工")} <= involves
    assert not res.warnings


def test_years_without_numbered_sections(tmp_path: Path) -> None:
    """A report with unnumbered headings still tells achieved figures from targets."""
    p = tmp_path / "plain.txt"
    p.write_text(
        "政府工作报告\n——2024年2月1日在松原县第五届人民代表大会第三次会议上\n县长 王五\n各位代表：\n"
        "过去一年，全县地区生产总值达到128.5亿元，增长5.2%。\n"
        "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n",
        encoding="utf-8",
    )
    res = build_report(p).resolved
    meas = {(m.value, m.unit, m.year, m.is_target) for m, _ in res.measurements}
    assert (Decimal("128.5"), "亿元", 2023, False) in meas
    assert (Decimal("6"), "%", 2024, True) in meas


PROBE = """\
政 府 工 作 报 告
——二〇二五年一月八日在青禾县第十九届人民代表大会第四次会议上
青禾县人民政府代县长  刘  强
各位代表：
过去一年工作回顾
2024年，全县地区生产总值完成215.6亿元，是“十三五”末的1.9倍。河南青禾新材料股份有限公司（简称“青禾新材”）年产5万吨高性能纤维项目建成投产。城子镇八顷村、白云镇获评省级文明村镇。
今年目标任务
——生态环境更美。PM2.5平均浓度控制在35微克/立方米以内。
一、坚持工业强县，加快产业转型升级
（一）壮大主导产业。推动青禾新材二期开工。
"""


def test_unnumbered_headings_chains_and_numbers_inside_names(tmp_path: Path) -> None:
    p = tmp_path / "probe.txt"
    p.write_text(PROBE, encoding="utf-8")
    r = build_report(p)
    md = r.doc.metadata
    assert (md.date, md.speaker, md.speaker_role) == ("2025-01-08", "刘强", "代县长")
    assert [s.title for s in r.doc.sections if s.level == 1][:2] == ["过去一年工作回顾", "今年目标任务"]
    meas = {(m.indicator, m.value, m.unit, m.year, m.is_target, m.change, m.base_year) for m, _ in r.resolved.measurements}
    assert ("地区生产总值", Decimal("215.6"), "亿元", 2024, False, None, None) in meas
    assert ("地区生产总值", Decimal("1.9"), "倍", 2024, False, "倍", 2020) in meas
    assert ("PM2.5平均浓度", Decimal("35"), "微克/立方米", 2025, True, None, None) in meas
    assert not any(m.unit == "万吨" for m, _ in r.resolved.measurements)  # 年产5万吨 is part of a project's name
    ents = {e.label: e for e in r.resolved.entities}
    # named as annotators write it, the company's short name first; the written form is an alias
    assert ents["青禾新材年产5万吨高性能纤维项目"].kind == "Project"
    assert "年产5万吨高性能纤维项目" in ents["青禾新材年产5万吨高性能纤维项目"].aliases
    assert {"八顷村", "城子镇", "白云镇"} <= {e.label for e in r.resolved.entities if e.kind == "Place"}
    assert "文明村镇" not in ents
    ids = r.resolved.by_id()
    links = {(link.predicate, ids[link.subject].label, ids[link.object].label) for link in r.resolved.links}
    assert ("locatedIn", "八顷村", "城子镇") in links
    assert ("involves", "青禾新材二期", "河南青禾新材料股份有限公司") in links


def test_dash_led_goals_are_the_parts_of_the_announced_slogan(tmp_path: Path) -> None:
    p = tmp_path / "dash.txt"
    p.write_text(
        "政府工作报告\n——2023年1月5日在示例市第一届人民代表大会第二次会议上\n示例市人民政府市长 张三\n各位代表：\n"
        "二、今后五年目标\n今后五年，我们将努力实现“四个更”目标：\n——综合实力更强。地区生产总值年均增长6%以上。\n"
        "——创新能力更优。研发投入强度达到2.5%。\n——城乡面貌更美。\n——人民生活更好。居民收入与经济增长同步。\n三、今年工作\n",
        encoding="utf-8",
    )
    res = build_report(p).resolved
    ids = res.by_id()
    parts = [ids[link.object].label for link in sorted(res.links, key=lambda x: x.ordinal or 0)
             if link.predicate == "hasComponent" and ids[link.subject].label == "四个更"]
    assert parts == ["综合实力更强", "创新能力更优", "城乡面貌更美", "人民生活更好"]


def test_slogan_parts_named_before_a_predicate(tmp_path: Path) -> None:
    """北山工业园、南屏产业园、临江物流园纳入澄岭经济开发区统一管理，“一区三园”格局基本成型."""
    p = tmp_path / "yiqu.txt"
    p.write_text(
        "政府工作报告\n——2024年1月5日在澄岭县第一届人民代表大会第二次会议上\n县长 张三\n各位代表：\n"
        "一、2023年工作回顾\n北山工业园、南屏产业园、临江物流园纳入澄岭经济开发区统一管理，“一区三园”格局基本成型。\n",
        encoding="utf-8",
    )
    res = build_report(p).resolved
    ids = res.by_id()
    parts = {ids[link.object].label for link in res.links if link.predicate == "hasComponent" and ids[link.subject].label == "一区三园"}
    assert parts == {"澄岭经济开发区", "北山工业园", "南屏产业园", "临江物流园"}


def _components(res: Resolved) -> dict[str, list[str]]:
    """Parent label → its direct parts' labels, in the order the text gives them (the
    parts of its numbered groups, written out by resolve, are left out)."""
    ids = res.by_id()
    parts: dict[str, list[str]] = {}
    for link in sorted(res.links, key=lambda x: (x.ordinal or 0, x.object)):
        if link.predicate == "hasComponent" and link.rule != "component-closure":
            parts.setdefault(ids[link.subject].label, []).append(ids[link.object].label)
    return parts


def _kinds(res: Resolved) -> dict[str, str]:
    """Entity label → its class."""
    return {e.label: e.kind for e in res.entities}


def _pairs(res: Resolved, predicate: str) -> set[tuple[str, str]]:
    """(subject label, object label) of every link with ``predicate``."""
    ids = res.by_id()
    return {(ids[x.subject].label, ids[x.object].label) for x in res.links if x.predicate == predicate}


def _resolved(tmp_path: Path, body: str, meeting: str = "2024年1月5日在示例市第一届", speaker: str = "市长 张三") -> Resolved:
    """Build a short report: the title block (meeting line, speaker), then ``body``."""
    p = tmp_path / "probe.txt"
    p.write_text(
        f"政府工作报告\n——{meeting}人民代表大会第二次会议上\n{speaker}\n各位代表：\n" + body,
        encoding="utf-8",
    )
    return build_report(p).resolved


def test_facilities_to_be_built_are_projects_built_ones_keep_their_class(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2023年工作回顾\n建成石桥湿地公园，市第二人民医院新增床位300张。\n"
        "二、2024年工作安排\n谋划建设白塔遗址公园，开工建设市儿童医院、城东体育中心，推进西站综合交通枢纽建设。\n",
    )
    kinds = _kinds(res)
    assert kinds["白塔遗址公园"] == "Project"
    assert kinds["市儿童医院"] == "Project"
    assert kinds["城东体育中心"] == "Project"
    assert kinds["西站综合交通枢纽"] == "Project"
    assert kinds["石桥湿地公园"] == "Place"
    assert kinds["市第二人民医院"] == "Organization"


def test_contracted_names_are_aliases_of_the_full_name(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2024年工作安排\n与邻县共建“石川白河现代农业产业园”，把石白现代农业产业园打造成示范园区。\n"
        "打造东门—北街商圈、南湖—西城商圈。提升北街—东门、南湖—西城等核心商圈。\n"
        "推动中国（示例）自由贸易试验区建设，争取国家自贸区、综保区等重大平台落地。\n",
    )
    by_label = {e.label: e for e in res.entities}
    assert "石白现代农业产业园" in by_label["石川白河现代农业产业园"].aliases
    assert "北街—东门" in by_label["东门—北街商圈"].aliases
    assert "南湖—西城" in by_label["南湖—西城商圈"].aliases
    assert "国家自贸区" in by_label["中国（示例）自由贸易试验区"].aliases
    assert not any(e.label in ("石白现代农业产业园", "北街—东门", "国家自贸区") for e in res.entities)


def test_programmes_launched_in_the_body_own_the_enterprises_after_them(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2024年工作安排\n（一）坚持创新驱动，打造先进制造业基地\n"
        "深化“万企上云”行动，推动青松纺织、远帆电机建设智能工厂。持续实施“雏鹰行动”，支持岚峰光学、泰和米业上市。\n"
        "（二）实施“和美乡村”行动\n一是改善人居环境。新改建“四好农村路”80公里。\n"
        "（三）推进交通建设\n加快石口至东岭高速公路建设。\n"
        "附：名词解释\n1.“四好农村路”：把农村公路建好、管好、护好、运营好。\n",
    )
    involves = _pairs(res, "involves")
    assert {("万企上云", "青松纺织"), ("万企上云", "远帆电机"), ("雏鹰行动", "岚峰光学"), ("雏鹰行动", "泰和米业")} <= involves
    assert ("万企上云", "泰和米业") not in involves
    kinds = _kinds(res)
    assert kinds["万企上云"] == "Action"
    assert kinds["和美乡村"] == "Action"  # quoted, so not a clause that starts with 和
    assert kinds["四好农村路"] == "Initiative"  # a numbered slogan the glossary explains, not a road
    assert kinds["石口至东岭高速公路"] == "Project"


def test_quoted_honours_after_entered_or_created_are_awards(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2023年工作回顾\n石泉村入选“全国乡村旅游重点村”，我县成功创建“省级生态文明名县”。\n",
    )
    kinds = _kinds(res)
    assert kinds["全国乡村旅游重点村"] == "Award"
    assert kinds["省级生态文明名县"] == "Award"


def test_a_review_since_the_plan_began_dates_its_figures_by_the_heading_year(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2024年及“十四五”以来工作回顾\n全年地区生产总值3286.5亿元，增长4.8%。\n"
        "二、2035年远景目标及“十四五”时期主要目标\n到期末，进出口总额达到900亿元。\n",
        meeting="2025年1月16日在示例市第十六届",
    )
    meas = {(m.indicator, m.value, m.year, m.is_target) for m, _ in res.measurements}
    assert ("地区生产总值", Decimal("3286.5"), 2024, False) in meas
    assert ("进出口总额", Decimal("900"), 2025, True) in meas


def test_owner_names_project_names_and_two_part_objects(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2024年工作回顾\n推动恒信电子、华光机械技术改造。示例恒信电子有限公司高密度电路板扩产项目相继落地。"
        "加快茶叶精深加工及仓储物流中心项目建设，推进河道专项治理及东渠引水补源工程。"
        "打造江南路商圈、滨海商圈两大消费商圈。拓锋汽车零部件（示例）有限公司投产。\n",
    )
    by_label = {e.label: e for e in res.entities}
    # the company's trade name, used elsewhere in the text, names its project; the written form is an alias
    assert by_label["恒信电子高密度电路板扩产项目"].kind == "Project"
    assert "高密度电路板扩产项目" in by_label["恒信电子高密度电路板扩产项目"].aliases
    assert "恒信电子" in by_label["示例恒信电子有限公司"].aliases  # one node: the legal name behind the place
    assert by_label["茶叶精深加工及仓储物流中心项目"].kind == "Project"
    assert "东渠引水补源工程" in by_label and not any("治理及" in x for x in by_label)
    assert by_label["滨海商圈"].kind == "Platform" and not any("两大" in x for x in by_label)
    assert not any(x.endswith("（示例）") for x in by_label)


def test_years_of_figures_compared_with_or_raised_from_a_base(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2024年工作回顾\n规模以上工业企业数量比2020年末增加612家；城镇化率从2020年的51.8%提高到2024年的55.6%。\n",
        meeting="2025年1月16日在示例市第十六届",
    )
    meas = {(m.value, m.year) for m, _ in res.measurements}
    assert {(Decimal("612"), 2024), (Decimal("51.8"), 2020), (Decimal("55.6"), 2024)} <= meas


def test_slogan_parts_from_anchors_acronyms_counts_and_digit_codes(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2024年工作安排\n以新能源汽车零部件、电子信息、绿色石化“三大千亿级产业集群”为主攻方向。"
        "深入实施“粤菜师傅”“广东技工”“南粤家政”三项工程。"
        "构建以石泉县城为核心、以东镇和西镇为两翼的“一核两翼”城镇格局。\n"
        "附：名词解释\n1．“1310”具体部署：锚定“走在前列”总目标，激活改革、开放、创新“三大动力”，奋力实现“十大新突破”。\n"
        "2．专精特新：具有专业化、精细化、特色化、新颖化特征的中小企业。\n"
        "3．“三旧”改造：对旧城镇、旧厂房、旧村庄进行改造。\n"
        "4．“放管服”改革：简政放权、放管结合、优化服务改革。\n",
    )
    parts = _components(res)
    assert parts["三大千亿级产业集群"] == ["新能源汽车零部件", "电子信息", "绿色石化"]
    assert parts["三项工程"] == ["粤菜师傅", "广东技工", "南粤家政"]
    assert parts["一核两翼"] == ["一核", "两翼"]
    assert parts["一核"] == ["石泉县城"] and sorted(parts["两翼"]) == ["东镇", "西镇"]
    assert parts["1310具体部署"] == ["走在前列", "三大动力", "十大新突破"]
    assert sorted(parts["三大动力"]) == ["创新", "开放", "改革"]
    assert parts["专精特新"] == ["专业化", "精细化", "特色化", "新颖化"]
    assert sorted(parts["三旧"]) == ["旧厂房", "旧城镇", "旧村庄"]  # label 三旧, alias 三旧改造
    assert parts["放管服"]  # the well-known short name (lexicon) labels it == ["简政放权", "放管结合", "优化服务"]


def test_a_growth_rate_at_comparable_prices_belongs_to_the_figure_before_it(tmp_path: Path) -> None:
    res = _resolved(tmp_path, "一、2023年工作回顾\n全年实现地区生产总值6128.4亿元，按可比价格计算增长8.9%。\n")
    meas = {(m.indicator, m.value) for m, _ in res.measurements}
    assert ("地区生产总值", Decimal("8.9")) in meas


def test_unquoted_honours_and_fewer_false_names(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2023年工作回顾\n成功创建全国文明城市，石泉村入选全国乡村旅游重点村。"
        "着力在集成电路、工业软件、智能终端等领域突破，一批黑灯工厂涌现。实施产业发展、基础设施等项目214个。"
        "推进南溪至江门高速公路前期工作，打通枫溪路。\n",
    )
    kinds = _kinds(res)
    assert kinds["全国文明城市"] == "Award" and kinds["全国乡村旅游重点村"] == "Award"
    for junk in ("工业软件", "智能终端", "黑灯工厂", "产业发展", "基础设施", "南溪至江", "打通枫溪路"):
        assert junk not in kinds, junk
    assert kinds["南溪至江门高速公路"] == "Project" and kinds["枫溪路"] == "Place"


def test_a_place_chain_is_another_name_of_its_last_unit(tmp_path: Path) -> None:
    res = _resolved(tmp_path, "一、2023年工作回顾\n与重庆市荣昌区签订协议，龙门县石桥镇柳河村入选示范村，建成禾山县城北环线。\n")
    by_label = {e.label: e for e in res.entities}
    assert "重庆市荣昌区" in by_label["荣昌区"].aliases
    assert "龙门县石桥镇柳河村" in by_label["柳河村"].aliases


def test_names_that_start_like_function_words_or_verbs(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2024年工作安排\n以兴华街、胜利北街、建设北路为重点实施街景改造。打通和平北路、焦化路等断头路。"
        "支持石门镇后沟村、向阳镇东坡村打造示范村。开通北原至石岭县的班车。以北原科创城为核心集聚创新资源。\n",
    )
    kinds = _kinds(res)
    for place in ("建设北路", "胜利北街", "和平北路", "向阳镇", "东坡村", "石岭县"):
        assert kinds.get(place) == "Place", place
    assert kinds["北原科创城"] == "Platform"
    assert not any(label.startswith(("以", "打通", "开通")) or "至" in label for label in kinds)


def test_digit_code_parts_listed_and_glossary_anchors(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2024年工作安排\n构建“1+3+N”现代农业园区体系。\n附：名词解释\n"
        "1、“1+3+N”现代农业园区体系：“1”即石泉粮油园区；“3”即云雾茶叶园区、石门生猪园区、桃源柑橘园区；“N”即若干个县级现代农业园区。\n"
        "2、“一核两翼”：以石泉县城为核心，以东镇、西镇为两翼，带动全县发展。\n"
        "3、“四化同步、五区共兴”：“五区共兴”指甲经济区、乙经济区、丙生态示范区协同共兴。\n",
    )
    parts = {parent: set(children) for parent, children in _components(res).items()}
    code = next(k for k in parts if k.startswith("1+3+N"))
    assert parts[code] == {"石泉粮油园区", "云雾茶叶园区", "石门生猪园区", "桃源柑橘园区"}
    assert parts["一核两翼"] == {"一核", "两翼"} and parts["两翼"] == {"东镇", "西镇"}
    assert "丙生态示范区" in parts["五区共兴"]


def test_a_share_named_after_its_total_and_per_capita_standards(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2021年工作回顾\n外贸进出口总额3215.6亿元，增长21.4%，其中出口2287.3亿元，增长18.9%。"
        "城乡最低生活保障标准统一提高到每人每月1080元。新冠病毒疫苗累计接种1215.3万剂次。\n",
    )
    meas = {(m.indicator, m.value, m.unit) for m, _ in res.measurements}
    assert ("出口", Decimal("2287.3"), "亿元") in meas
    assert ("城乡最低生活保障标准", Decimal("1080"), "元") in meas
    assert any(v == Decimal("1215.3") and u == "万剂次" for _, v, u in meas)


def test_communities_unquoted_battles_and_plan_year_targets(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2021年工作回顾\n完成城中街道文昌社区、北湖街道梅园社区等老旧小区改造。全面打赢蓝天、碧水、净土三大保卫战。\n"
        "二、“十四五”目标任务和2022年总体要求\n全区经济社会发展的主要预期目标是：地区生产总值增长7%左右。\n",
        meeting="2022年1月5日在示例区第一届",
        speaker="区长 张三",
    )
    names = {n: e.kind for e in res.entities for n in (e.label, *e.aliases)}
    assert names["文昌社区"] == "Place" and names["城中街道"] == "Place"
    ids = res.by_id()
    parts = {ids[x.object].label for x in res.links if x.predicate == "hasComponent" and ids[x.subject].label == "三大保卫战"}
    assert parts == {"蓝天", "碧水", "净土"}
    assert any(m.indicator == "地区生产总值" and m.year == 2022 and m.is_target for m, _ in res.measurements)


def test_chains_of_stages_and_descriptions_are_not_names(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2022年工作安排\n构建众创空间—孵化器—产业园全链条孵化体系。打造具有养老等基本生活服务功能的社区商圈。"
        "严控高排放项目，引进外资项目12个。推动东港区的企业上市。打造万达广场—长申国际商圈。\n",
    )
    labels = {e.label for e in res.entities if e.kind in ("Enterprise", "Organization", "Project", "Platform", "Place")}
    assert not labels & {"众创空间", "孵化器", "产业园", "高排放项目", "外资项目", "东港区的"}
    assert not any("等" in x or "的" in x for x in labels)
    assert {"万达广场", "长申国际"} <= labels


def test_glossary_entries_without_a_colon(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2024年工作安排\n加快建设“三区”，推进“两带”建设。\n附件：名词解释\n"
        "1、“三区”是指先进制造业引领区、科技创新示范区、开放合作先行区。\n"
        "2.“两带”——指沿江产业带、沿湖生态带。\n",
    )
    parts = {parent: set(children) for parent, children in _components(res).items()}
    assert parts["三区"] == {"先进制造业引领区", "科技创新示范区", "开放合作先行区"}
    assert parts["两带"] == {"沿江产业带", "沿湖生态带"}


def test_region_in_its_parent_and_units_in_the_region(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2024年工作安排\n支持向阳镇、石门镇发展特色产业。推进新城街道胜利北街、兴华街道纺织街等片区有机更新。\n",
        meeting="2024年1月9日在并州市北原区第三届",
        speaker="北原区人民政府区长 张三",
    )
    located = _pairs(res, "locatedIn")
    assert {("北原区", "并州市"), ("向阳镇", "北原区"), ("石门镇", "北原区"), ("胜利北街", "新城街道")} <= located


def test_quoted_policies_are_initiatives_but_metaphors_are_not(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2022年工作安排\n推行“拿地即开工”，深化“证照联办”改革，推广“网格+”治理模式。"
        "牢牢抓住项目建设“牛鼻子”，着力打造“千亿强区”，提供“保姆式”服务。\n",
    )
    kinds = _kinds(res)
    assert kinds.get("拿地即开工") == "Initiative" and kinds.get("网格+") == "Initiative"
    assert any(k.startswith("证照联办") for k in kinds)
    assert not {"牛鼻子", "千亿强区", "保姆式"} & set(kinds)


def test_unquoted_campaigns_are_actions(tmp_path: Path) -> None:
    res = _resolved(tmp_path, "一、2023年工作安排\n实施农村人居环境整治提升五年行动，深入开展安全生产专项整治三年行动。实施十大行动。\n")
    kinds = _kinds(res)
    assert kinds["农村人居环境整治提升五年行动"] == "Action"
    assert kinds["安全生产专项整治三年行动"] == "Action"
    assert kinds.get("十大行动") != "Action"


def test_national_bodies_are_organizations(tmp_path: Path) -> None:
    res = _resolved(tmp_path, "一、2021年工作回顾\n1类创新药获国家药品监督管理局批准上市。\n")
    assert {e.label: e.kind for e in res.entities}.get("国家药品监督管理局") == "Organization"


def test_route_sections_ports_and_regions(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2021年工作回顾\n沧澜地铁3号线玉溪段土建工程基本完成。开通至天津港、青岛港的海铁联运班列。拓展东南亚、中东市场。\n",
    )
    kinds = _kinds(res)
    assert kinds["沧澜地铁3号线玉溪段"] == "Project"
    # another city's port is a place the report trades with (its own port would be a platform)
    assert kinds["天津港"] == "Place" and kinds["青岛港"] == "Place"
    assert kinds["东南亚"] == "Place" and kinds["中东"] == "Place"


def test_project_names_ending_in_their_work(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2023年工作回顾\n胜利北街棚户区改造项目顺利完工，启动向阳镇西营村城中村改造项目。推进安置房建设项目、村庄改造项目。\n",
    )
    kinds = _kinds(res)
    assert kinds["胜利北街棚户区改造项目"] == "Project"
    assert any(k.endswith("西营村城中村改造项目") for k in kinds)
    assert "安置房建设项目" not in kinds and "村庄改造项目" not in kinds


def test_positioning_goals_categories_and_place_slogans_are_not_typed_names(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2021年工作安排\n加快建设“一基地三区”。帮扶相邻县、薄弱村发展，建设平安清河、技能清河。\n"
        "附：名词解释\n1.“一基地三区”：“一基地”即全国优质粮食生产基地；“三区”即城乡融合发展示范区、食品加工集聚区、生态宜居示范区。\n",
        meeting="2021年1月5日在清河县第一届",
        speaker="清河县人民政府县长 张三",
    )
    typed = {e.label for e in res.entities if e.kind in ("Enterprise", "Organization", "Project", "Platform", "Place")}
    assert not typed & {"全国优质粮食生产基地", "城乡融合发展示范区", "食品加工集聚区", "相邻县", "薄弱村", "平安清河", "技能清河"}


def test_lessons_from_a_city_report_written_blind(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2022年工作回顾\n主动服务长江经济带发展、长江中游城市群建设和中部地区崛起等国家战略。与湖南省岳阳市签订合作协议。"
        "岚光科技Mini LED背光模组项目投产。推进岚江综合治理二期工程，岚江区以城市更新带动消费。全面落实河湖长制、林长制。"
        "接待游客恢复至2019年的86.3%，开展送戏下乡演出1200场次。以白鹭湖、长江、岚平古城为依托，打造“一湖一江一古城”全域旅游格局。\n"
        "二、2023年工作安排\n开工建设岚平至清潭一级公路，加快沿江高铁岚平段建设。\n"
        "附：名词解释\n〔1〕“一核两翼”：“一核”即由岚江区、东津区构成的中心城区；“两翼”即沿江的白鹭湖市和枫林县。\n"
        "〔2〕“十百千”：即建设10个县级区域养老服务中心、100个乡镇（街道）综合养老服务中心、1000个村（社区）养老服务点。\n",
        meeting="2023年1月5日在岚平市第一届",
        speaker="岚平市人民政府市长 张三",
    )
    names = {n: e.kind for e in res.entities for n in (e.label, *e.aliases)}
    assert names["中部地区崛起"] == "Strategy" and names["长江中游城市群建设"] == "Strategy"
    assert names["岳阳市"] == "Place"
    assert names["岚光科技Mini LED背光模组项目"] == "Project"
    assert names["岚江区"] == "Place"
    assert names["岚平至清潭一级公路"] == "Project" and names["沿江高铁岚平段"] == "Project"
    assert names["林长制"] == "Initiative"
    meas = {(m.value, m.unit, m.year) for m, _ in res.measurements}
    assert (Decimal("86.3"), "%", 2022) in meas and (Decimal("1200"), "场次", 2022) in meas
    parts = {k: set(v) for k, v in _components(res).items()}
    assert parts["一湖一江一古城"] == {"一湖", "一江", "一古城"} and parts["一古城"] == {"岚平古城"}
    assert parts["一核"] == {"岚江区", "东津区"} and parts["两翼"] == {"白鹭湖市", "枫林县"}
    assert parts["十百千"] == {"县级区域养老服务中心", "乡镇（街道）综合养老服务中心", "村（社区）养老服务点"}


def test_a_multipart_slogan_also_links_the_parts_of_its_groups(tmp_path: Path) -> None:
    """三区两中心 → 三区 → A: the slogan reaches A too (hasComponent is transitive), but a
    group's parts are not linked to the other groups or to a one-group slogan."""
    res = _resolved(
        tmp_path,
        "一、2024年工作安排\n加快建设“三区两中心”。“三区”即东湖片区、西山片区、南港片区；“两中心”即物流中心、会展中心。"
        "推进“两不愁三保障”。\n附：名词解释\n1．“两不愁三保障”：指农村贫困人口不愁吃、不愁穿，义务教育、基本医疗、住房安全有保障。\n",
    )
    ids = res.by_id()
    links = {(ids[x.subject].label, ids[x.object].label, x.rule) for x in res.links if x.predicate == "hasComponent"}
    closed = {(s, o) for s, o, r in links if r == "component-closure"}
    assert ("三区两中心", "东湖片区") in closed and ("三区两中心", "会展中心") in closed
    assert not any(s == "三区" and o == "物流中心" for s, o, _r in links)
    direct = _components(res)
    assert direct["两不愁三保障"] == ["两不愁", "三保障"]
    assert direct["两不愁"] == ["不愁吃", "不愁穿"]
    assert direct["三保障"] == ["义务教育", "基本医疗", "住房安全"]


def test_campaigns_honours_bureaus_and_clause_fragments(tmp_path: Path) -> None:
    """Named campaigns, honours and local bureaus are found; clauses that merely end in a
    name-like ending are not names."""
    res = _resolved(
        tmp_path,
        "一、2023年工作回顾\n清济高速建成通车，结束了清河不通高速公路的历史。县城新建、改建迎宾大道、黄河路等道路23条。"
        "成功创建国家卫生县城，清河县被确定为全国电子商务进农村综合示范县。组建县乡村振兴局。"
        "县林业和草原局荣获“全国防沙治沙先进集体”称号。农村人居环境整治三年行动圆满收官。\n"
        "二、2024年工作安排\n实施“绿满清河”国土绿化行动，实施“人人持证、技能清河”行动。支持华冠生物联合河南工业大学建设研发中心。"
        "引进光伏支架、逆变器、储能电池等装备制造企业。让荒漠变成“绿电银行”。优先保障重点项目用地需求。\n",
        meeting="2024年1月5日在清河县第一届",
        speaker="县长 张三",
    )
    kinds = _kinds(res)
    assert kinds["绿满清河"] == "Action"
    assert kinds["人人持证、技能清河"] == "Action"
    assert kinds["农村人居环境整治三年行动"] == "Action"
    assert kinds["国家卫生县城"] == "Award"
    assert kinds["全国电子商务进农村综合示范县"] == "Award"
    assert kinds["县乡村振兴局"] == "Organization"
    assert kinds["县林业和草原局"] == "Organization"
    assert kinds["河南工业大学"] == "Organization"
    assert kinds["迎宾大道"] == "Place"
    for junk in ("清河不通高速公路", "县城新建", "改建迎宾大道", "华冠生物联合河南工业大学", "光伏支架", "逆变器",
                 "储能电池", "绿电银行", "优先保障重点项目", "国家卫生县城 "):
        assert junk not in kinds, junk


def test_dash_goal_paragraphs_share_the_plan_year_stated_first(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "二、今后五年的奋斗目标\n今后五年的主要奋斗目标是：\n——综合实力更强。到2026年，地区生产总值突破160亿元。\n"
        "——生态环境更美。森林覆盖率稳定在71%以上。\n",
        meeting="2022年1月12日在云岭县第十八届",
    )
    years = {m.indicator: m.year for m, _ind in res.measurements}
    assert years["地区生产总值"] == 2026
    assert years["森林覆盖率"] == 2026


def test_banner_units_moved_to_values_and_bare_trade_names(tmp_path: Path) -> None:
    """苏木/嘎查 are places; 由2017年的X增加到2022年的Y keeps the indicator for Y; 支持苍狼文旅提升…
    names a company; 今年以来 figures are achieved, not targets."""
    res = _resolved(
        tmp_path,
        "一、过去五年工作回顾\n地区生产总值由2017年的86.4亿元增加到2022年的142.7亿元。宝日苏木哈拉嘎查建成牧民新村。"
        "“十四五”末新能源装机规模达到500万千瓦。到2027年，风电装机规模达到800万千瓦以上，其中“十四五”末达到600万千瓦。\n二、2023年工作安排\n支持苍狼文旅提升乌兰草原旅游度假区服务品质。"
        "今年以来，累计发放惠企贷2.6亿元。\n",
        meeting="2023年1月6日在乌兰旗第十六届",
        speaker="旗长 张三",
    )
    kinds = _kinds(res)
    assert kinds["宝日苏木"] == "Place" and kinds["哈拉嘎查"] == "Place"
    assert kinds["苍狼文旅"] == "Enterprise"
    meas = {(m.indicator, float(m.value)): m for m, _ind in res.measurements}
    assert meas[("地区生产总值", 142.7)].year == 2022
    assert meas[("地区生产总值", 86.4)].year == 2017
    assert meas[("新能源装机规模", 500.0)].year == 2025
    assert meas[("风电装机规模", 800.0)].year == 2027
    assert next(m for (ind, v), m in meas.items() if v == 600.0).year == 2025  # the nearer date counts
    assert not next(m for (ind, v), m in meas.items() if v == 2.6).is_target


def test_a_programme_launched_in_a_subsections_opening_paragraph_scopes_the_whole_subsection(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2024年工作安排\n（一）聚焦向海图强\n坚持陆海统筹，实施“海洋经济倍增”行动。\n"
        "做强港口枢纽。推动东澳港区发展，支持闽海港务集团有限公司推进东澳港区集装箱码头工程。\n"
        "做精现代渔业。实施“蓝色粮仓”工程，推进西屿中心渔港改造提升工程。\n（二）聚焦产业升级\n推进恒信电子产业园建设。\n",
    )
    inv = _pairs(res, "involves")
    assert ("海洋经济倍增", "东澳港区集装箱码头工程") in inv
    assert ("海洋经济倍增", "西屿中心渔港改造提升工程") in inv
    assert ("蓝色粮仓", "西屿中心渔港改造提升工程") in inv
    assert not any(s == "海洋经济倍增" and "恒信" in o for s, o in inv)


def test_aims_for_a_banner_and_parts_of_a_strategys_name_are_not_names(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2023年工作安排\n建设国家重要能源和战略资源基地，推动特色苏木镇发展，打造草原名旗，向“产业强旗”转变。"
        "支持东部稀土新材料产业集聚区建设。\n",
        meeting="2023年1月6日在乌兰旗第十六届",
        speaker="旗长 张三",
    )
    kinds = _kinds(res)
    assert kinds["国家重要能源和战略资源基地"] == "Strategy"
    for junk in ("战略资源基地", "特色苏木镇", "草原名旗", "产业强旗", "东部稀土"):
        assert junk not in kinds or kinds[junk] not in ("Place", "Platform", "Enterprise"), junk


def test_inline_bracketed_and_listed_slogan_parts_and_five_year_figures(tmp_path: Path) -> None:
    """Slogan parts written inline after 即 across clauses, in brackets, as a quoted phrase list,
    before a 三个X count or as 以X为Y anchors; start values of a five-year review and targets of
    the next five years; 等 inside a word ends no list."""
    res = _resolved(
        tmp_path,
        "一、过去五年工作回顾\n规模以上工业企业由89家增加到126家。“两不愁三保障”全面实现，即不愁吃、不愁穿，义务教育、基本医疗、住房安全有保障。"
        "县中医院通过二级甲等中医医院复审。\n"
        "二、今后五年的奋斗目标\n规模以上工业企业达到160家。推动产业、园区、城乡“三个升级”。"
        "以制种玉米为引领、以肉牛肉羊为支撑、以戈壁农业为特色，做强现代农业“三大板块”。\n"
        "三、2022年工作安排\n加快构建“一口岸两区三园”开放格局，即做强白石口岸，建好那岭边民互市贸易区和跨合区，"
        "提升白石糖业产业园、白石坚果产业园、白石红木产业园，推动口岸、园区联动发展。"
        "坚持“三茶统筹”（即统筹茶文化、茶产业、茶科技），扎实推进“四个一批”（签约一批、开工一批、投产一批、储备一批）。"
        "实行“周调度、月通报、季拉练”。\n",
        meeting="2022年1月10日在示例县第十八届",
        speaker="县长 张三",
    )
    parts = _pairs(res, "hasComponent")
    assert {("两不愁", "不愁穿"), ("三保障", "住房安全"), ("一口岸", "白石口岸"), ("两区", "跨合区"), ("三园", "白石红木产业园")} <= parts
    assert {("三茶统筹", "茶文化"), ("四个一批", "储备一批"), ("周调度、月通报、季拉练", "月通报")} <= parts
    assert {("三个升级", "城乡升级"), ("三大板块", "戈壁农业")} <= parts
    assert not any(child in ("推动口岸", "统筹茶文化") for _p, child in parts)
    meas = {(m.value, m.year, m.is_target) for m, _ in res.measurements}
    assert {(Decimal("89"), 2016, False), (Decimal("126"), 2021, False), (Decimal("160"), 2026, True)} <= meas
    assert not any(e.label.endswith("通过二级甲") for e in res.entities)


def test_county_bodies_campuses_port_areas_and_glossary_entries_numbered_in_chinese(tmp_path: Path) -> None:
    """A county's own library is an Organization, a campus being built a Project whose hospital
    stays an Organization, a project named after its port area lies in it, glossary entries
    numbered 六、 lose their number and 即“A”行动、“B”行动 names each action; kinds of project
    (遏制“两高”项目, 帆船等项目比赛) and phrases (合理区间, 铁路进港区) are not names."""
    res = _resolved(
        tmp_path,
        "一、2022年工作回顾\n县图书馆、文化馆新馆建成开放，由区国资委牵头完善监管体系，经济运行保持在合理区间。"
        "成功承办省运动会帆船、沙滩排球等项目比赛。\n"
        "二、2023年工作安排\n推进临渡市中心医院西院区建设。坚决遏制“两高”项目盲目发展。"
        "推动东港区、西港区、礁山港区一体化运营，推进东港区30万吨级原油码头工程建设，实现铁路进港区。"
        "实施“五大行动”，开展“组团式”帮扶。\n"
        "附：名词解释\n"
        "一、“五大行动”：即“中药材提质增效”行动、“马铃薯全链提升”行动、“光伏强县”行动。\n"
        "二、“组团式”帮扶：东部协作地区选派专业技术人才团队对受援地进行整体帮扶的工作方式。\n",
    )
    kinds = _kinds(res)
    assert kinds["县图书馆"] == "Organization" and kinds["区国资委"] == "Organization"
    assert kinds["临渡市中心医院西院区"] == "Project" and kinds["临渡市中心医院"] == "Organization"
    assert kinds["组团式帮扶"] == "Initiative" and "二、组团式帮扶" not in kinds
    parts = _pairs(res, "hasComponent")
    assert {("五大行动", "中药材提质增效"), ("五大行动", "光伏强县")} <= parts
    located = _pairs(res, "locatedIn")
    assert ("东港区30万吨级原油码头工程", "东港区") in located
    for junk in ("合理区", "铁路进港区", "坚决遏制两高项目", "两高项目", "沙滩排球", "省运动会帆船"):
        assert junk not in kinds, junk


def test_a_development_zones_work_conference_report(tmp_path: Path) -> None:
    """A 管委会's report to a work conference has no 人民代表大会 line: the date line under the
    meeting line dates it, the speaker is the 管委会主任 and the zone is the region (a
    Platform); parks laid out as the zone's slogan parts are part of it."""
    p = tmp_path / "zone.txt"
    p.write_text(
        "坚定创新引领 奋力开创高质量发展新局面\n——在2023年澄湖高新区工作会议上的报告\n（2023年2月8日）\n"
        "澄湖高新区党工委副书记、管委会主任 沈立群\n各位代表，同志们：\n"
        "一、2022年工作回顾\n全区高新技术企业达到1520家，开创澄湖高新区发展新局面。\n"
        "二、2023年工作安排\n新增高新技术企业170家。深化“一区多园”管理体制改革。\n"
        "附：名词解释\n“一区多园”——指以澄湖高新区为主体，统筹澄东科技园、湖西智造园、临江生物医药产业园协同发展的管理模式。\n"
        "“3+2”现代产业体系——指生物医药、集成电路、高端装备三大主导产业和数字经济、科技服务两大新兴产业。\n",
        encoding="utf-8",
    )
    result = build_report(p)
    md = result.doc.metadata
    assert (md.region, md.date, md.year, md.speaker, md.speaker_role) == ("澄湖高新区", "2023-02-08", 2023, "沈立群", "管委会主任")
    res = result.resolved
    kinds = _kinds(res)
    assert kinds["澄湖高新区"] == "Platform" and "开创澄湖高新区" not in kinds
    meas = {(m.value, m.year, m.is_target) for m, _ in res.measurements}
    assert {(Decimal("1520"), 2022, False), (Decimal("170"), 2023, True)} <= meas
    parts = _pairs(res, "hasComponent")
    assert {("一区多园", "湖西智造园"), ("一区多园", "临江生物医药产业园"), ("三大主导产业", "生物医药"), ("两大新兴产业", "科技服务")} <= parts
    assert not any(child.startswith("指") for _p, child in parts)
    part_of = _pairs(res, "partOf")
    assert ("澄东科技园", "澄湖高新区") in part_of


def test_digit_slogans_with_bracketed_or_inline_parts_and_places_inside_phrases(tmp_path: Path) -> None:
    """“1+4”（即以A为主导，B、C、D、E四大…）, “3个1”，即做强1个A、做大1个B…, 以X为主城、Y和Z为两翼;
    a city after 居, a province inside an indicator; a place word in a quoted slogan or a chain of
    incubation stages is no name."""
    res = _resolved(
        tmp_path,
        "一、2023年工作回顾\n地区生产总值增长6.8%，增速居赤岭市第二位。组织输送农村劳动力到广东稳定就业3820人。"
        "全县白酒产量4.6万千升。\n"
        "二、2024年工作安排\n加快构建“1+4”现代产业体系（即以酱香白酒为主导，茶叶、生态畜牧、大数据、山地旅游四大特色产业协同发展），"
        "聚焦“3个1”主攻方向，即做强1个岩溪酱香白酒产业园、做大1个岩溪数据中心集聚区、做优1个梵云山旅游度假区。"
        "构建以岩溪县城为主城、茅垭镇和坪坝镇为两翼的“一城两翼”城镇发展格局。"
        "打造“品酱酒、游古镇、住茶山”精品线路，完善“众创空间—孵化器—加速器—产业园”全链条孵化体系。\n",
        meeting="2024年1月18日在岩溪县第十八届",
        speaker="县长 罗明远",
    )
    parts = _pairs(res, "hasComponent")
    assert {("1+4现代产业", "酱香白酒"), ("1+4现代产业", "山地旅游"), ("3个1", "岩溪数据中心集聚区"), ("3个1", "梵云山旅游度假区")} <= parts
    assert {("两翼", "茅垭镇"), ("两翼", "坪坝镇"), ("一城", "岩溪县城")} <= parts
    kinds = _kinds(res)
    assert kinds["赤岭市"] == "Place" and kinds["广东"] == "Place"
    for junk in ("游古镇", "住茶山", "众创空间—孵化器", "器—产业园"):
        assert junk not in kinds, junk
    assert (Decimal("4.6"), "万千升") in {(m.value, m.unit) for m, _ in res.measurements}


def test_new_buildings_markets_bureaus_and_a_trailing_count_in_a_glossary_term(tmp_path: Path) -> None:
    """…图书馆新馆 is a project (but not 文化馆新馆 with its owner written once before), named
    markets and showrooms are platforms, a county bureau before 牵头 and a 管理局 after 配合 are
    organisations, a glossary term 产业四地 announces four parts, and a road before 完成 is a place."""
    res = _resolved(
        tmp_path,
        "一、2022年工作回顾\n察隆县冬虫夏草交易市场建成运营。由察隆县林业和草原局牵头推行林长制，配合三江源国家公园管理局完成界桩设置。"
        "县城格萨尔大道、团结路、德吉街完成改造提升。\n"
        "二、2023年工作安排\n推进浦岚区图书馆新馆建设，建成县图书馆、文化馆新馆。在岚海区设立察隆农畜产品展销中心。"
        "全力服务“产业四地”建设。\n"
        "注释\n〔1〕产业四地：指青海省提出的打造世界级盐湖产业基地、国家清洁能源产业高地、国际生态旅游目的地、绿色有机农畜产品输出地。\n",
        meeting="2023年1月8日在察隆县第十七届",
        speaker="县长 扎西",
    )
    kinds = _kinds(res)
    assert kinds["浦岚区图书馆新馆"] == "Project" and "文化馆新馆" not in kinds
    assert kinds["察隆县冬虫夏草交易市场"] == "Platform" and kinds["察隆农畜产品展销中心"] == "Platform"
    assert kinds["察隆县林业和草原局"] == "Organization" and kinds["三江源国家公园管理局"] == "Organization"
    assert kinds["德吉街"] == "Place"
    parts = _pairs(res, "hasComponent")
    assert {("产业四地", "世界级盐湖产业基地"), ("产业四地", "绿色有机农畜产品输出地")} <= parts


def test_categories_kinds_of_owner_and_phrases_are_not_names(tmp_path: Path) -> None:
    """德资企业X有限公司 names X; 乡镇…/受援地…/援青项目/15分钟社区 are categories; 以良好乡风,
    和美牧区, 延伸格萨尔大道 (the road is 格萨尔大道) and the 山水林田湖 of a programme's name are no places."""
    res = _resolved(
        tmp_path,
        "一、2022年工作回顾\n德资企业施泰纳精密机械（上海）有限公司扩大投资。实施援青项目21个，新增乡镇卫生院标准化建设项目9个，"
        "对受援地医院开展帮扶。建设15分钟社区生活圈。\n"
        "二、2023年工作安排\n延伸格萨尔大道，以良好乡风促进治理，建设宜居宜业和美牧区。实施“山水林田湖草沙冰一体化保护修复”工程。\n",
        meeting="2023年1月8日在察隆县第十七届",
        speaker="县长 扎西",
    )
    kinds = _kinds(res)
    assert kinds.get("施泰纳精密机械（上海）有限公司") == "Enterprise"
    assert kinds.get("格萨尔大道") == "Place"
    for junk in ("德资企业施泰纳精密机械（上海）有限公司", "援青项目", "乡镇卫生院标准化建设项目", "受援地医院", "15分钟社区",
                 "良好乡", "美牧区", "延伸格萨尔大道", "山水林田湖"):
        assert kinds.get(junk) in (None, "Indicator"), junk  # a counted category may still be a figure's indicator


def test_a_base_described_by_what_is_grown_there_is_not_a_named_platform(tmp_path: Path) -> None:
    """支持西能集团建设新能源装备运维基地, 建成2000亩娃娃菜标准化种植基地: what a company makes or grows,
    not a named platform; a base carrying a brand (博瑞达智能…) or a town's name keeps it."""
    res = _resolved(
        tmp_path,
        "一、2022年工作回顾\n支持西能集团建设新能源装备运维基地，绿川蔬菜在寺沟镇建成2000亩娃娃菜标准化种植基地。"
        "茅垭镇酒曲产业加快发展，茅垭酒曲生产基地建成投产。博瑞达智能机器人生产基地建成投产，新增产值5亿元。\n",
    )
    kinds = _kinds(res)
    assert "新能源装备运维基地" not in kinds and "2000亩娃娃菜标准化种植基地" not in kinds
    assert kinds.get("茅垭酒曲生产基地") == "Platform" and kinds.get("博瑞达智能机器人生产基地") == "Platform"


def test_parks_named_by_an_industry_and_kinds_of_work_are_not_firms(tmp_path: Path) -> None:
    """滨海新材料产业园, 酱酒微生物实验室: a park or lab named by its industry, not by a firm; 城市更新、
    供水供热等公益性项目 lists kinds of work, not investors; 各村（社区）边民互助组 is one part."""
    res = _resolved(
        tmp_path,
        "一、2023年工作回顾\n以滨海新材料产业园为主阵地，与贵州大学联合共建酱酒微生物实验室。"
        "县城投集团重点保障城市更新、供水供热等公益性项目。构建“1+N”组织体系，“1”即县级边民互助组联合会，“N”即各村（社区）边民互助组。\n",
    )
    kinds = _kinds(res)
    assert kinds.get("滨海新材料产业园") == "Platform" and kinds.get("酱酒微生物实验室") == "Platform"
    for junk in ("滨海新材料", "酱酒微生物", "城市更新", "供水供热", "各村（社区"):
        assert kinds.get(junk) in (None, "Indicator", "Goal"), junk


def test_words_that_end_like_places_are_not_places(tmp_path: Path) -> None:
    """宜居县城 is an aim, 释放县乡消费潜力 a verb before two levels, 蒙古族长调 a people's song;
    蒙古国 and 攀枝花市 (a known three-character city with its level) are places."""
    res = _resolved(
        tmp_path,
        "一、2023年工作回顾\n持续释放县乡消费潜力。加强蒙古族长调、马头琴保护传承。与蒙古国东戈壁省建立友好关系，加强与攀枝花市、宜宾市旅游联动。\n"
        "二、2024年工作安排\n——聚力建设宜居县城。推进城市更新。\n",
    )
    kinds = _kinds(res)
    names = {n: e.kind for e in res.entities for n in (e.label, *e.aliases)}
    assert kinds.get("蒙古国") == "Place" and names.get("攀枝花市") == "Place"
    for junk in ("宜居县城", "释放县乡", "族长调", "蒙古"):
        assert kinds.get(junk) != "Place", junk


def test_a_lead_in_year_dates_the_dash_goals_after_it(tmp_path: Path) -> None:
    """力争到2025年实现以下目标：——综合实力迈上新台阶。地区生产总值达到1600亿元左右: a 2025 target."""
    res = _resolved(
        tmp_path,
        "一、2023年工作安排\n全市地区生产总值增长6.5%左右。\n展望“十四五”后半程，力争到2025年实现以下目标：\n"
        "——综合实力迈上新台阶。地区生产总值达到1600亿元左右，一般公共预算收入达到140亿元。\n"
        "——人民生活更加殷实。城镇居民人均可支配收入达到48000元。\n",
        meeting="2023年1月8日在示例市第一届",
    )
    years = {(m.value, m.unit): (m.year, m.is_target) for m, _ in res.measurements}
    assert years[(Decimal("1600"), "亿元")] == (2025, True)
    assert years[(Decimal("48000"), "元")] == (2025, True)
    assert years[(Decimal("6.5"), "%")] == (2023, True)


def test_a_counted_glossary_term_and_a_known_region_among_a_slogans_parts(tmp_path: Path) -> None:
    """“三个年”：指2023年陕西省部署开展的A年、B年、C年活动 has three parts (who set them up is
    not the first); 关中, a known region named as a part, stays a Place."""
    res = _resolved(
        tmp_path,
        "一、2023年工作回顾\n深入开展“三个年”活动，“一总两带”建设加快推进。\n"
        "附：名词解释\n（1）“一总两带”：指以西京科技大市场为核心的总窗口和关中、陕南陕北两条创新带。\n"
        "（2）“三个年”：指2023年陕西省部署开展的项目建设年、营商环境突破年、干部作风能力提升年活动。\n",
    )
    assert _components(res).get("三个年") == ["项目建设年", "营商环境突破年", "干部作风能力提升年"]
    kinds = _kinds(res)
    assert kinds.get("关中") == "Place"


def test_stations_settlements_numeral_places_and_phases_of_named_projects(tmp_path: Path) -> None:
    """雪洼水电站 is a project; 昭溪市幸福家园安置点 a settlement in the city; 四川大学 starts like a
    count but is a university; 高桥村城中村改造项目一期 names a phase of a project; a park or
    project with the county (or its owner) in front is also called without it."""
    res = _resolved(
        tmp_path,
        "一、2022年工作回顾\n雪洼水电站首批机组投产发电。昭溪市幸福家园安置点建成社区工厂3个。研究中心与攀枝花学院、四川大学签订合作协议。"
        "高桥村城中村改造项目一期完成回迁安置2140户。建成雪洼县高山草甸露营基地。"
        "峨岭钒云新材料有限公司（以下简称“钒云新材料”）扩产，推动钒云新材料全钒液流电池储能装备项目落地。"
        "星河航电、芯联微电子入选国家级专精特新“小巨人”企业。\n",
    )
    kinds = _kinds(res)
    names = {n: e for e in res.entities for n in (e.label, *e.aliases)}
    assert kinds.get("雪洼水电站") == "Project"
    assert kinds.get("幸福家园安置点") == "Place"
    located = _pairs(res, "locatedIn")
    assert ("幸福家园安置点", "昭溪市") in located
    assert kinds.get("四川大学") == "Organization"
    assert kinds.get("高桥村城中村改造项目一期") == "Project"
    assert names["高山草甸露营基地"].kind == "Platform" and "雪洼县高山草甸露营基地" in (names["高山草甸露营基地"].label, *names["高山草甸露营基地"].aliases)
    assert names["全钒液流电池储能装备项目"].kind == "Project"
    assert kinds.get("星河航电") == "Enterprise" and kinds.get("芯联微电子") == "Enterprise"


def test_verbs_ranks_codes_and_look_alike_endings_stay_out_of_names(tmp_path: Path) -> None:
    """帮助峨钛集团, 守牢渭河, 必须坚持项目: a verb in front; 区内首个…研究中心: a rank in front;
    S79昭溪 and 500千伏昭溪: a code or a voltage is no river; 州县两级, 农村宅基地, 重新开街,
    业主委员会, 路基工程: levels, look-alike endings and kinds; 火坪风电场 names no firm 火坪风电;
    宏图光电子 keeps the longest industry word."""
    res = _resolved(
        tmp_path,
        "一、2022年工作回顾\n我们坚持帮助峨钛集团渡过难关。S79昭溪至攀枝花高速公路全线建成通车，完成路基工程。州县两级政务服务事项全面网办。"
        "火坪风电场二期工程投运。秦芯半导体建成区内首个半导体材料工程技术研究中心。太和历史文化街区改造后重新开街。\n"
        "二、2023年工作安排\n建成500千伏昭溪输变电工程。深化农村宅基地改革。守牢渭河汛期安全底线。推动社区党组织、业主委员会协同共治。"
        "一年来的实践使我们深刻体会到：必须坚持项目为王。支持宏图光电子西北研发中心、华鼎医药西北区域总部尽快投入运营。\n",
    )
    kinds = _kinds(res)
    for junk in ("帮助峨钛集团", "守牢渭河", "必须坚持项目", "区内首个半导体材料工程技术研究中心", "S79昭溪", "500千伏昭溪", "州县",
                 "农村宅基地", "后重新开街", "业主委员会", "路基工程", "火坪风电", "宏图光电"):
        assert kinds.get(junk) in (None, "Indicator", "Goal"), junk
    assert kinds.get("峨钛集团") == "Enterprise"


def test_a_branch_a_count_a_road_network_and_a_spread_are_not_names(tmp_path: Path) -> None:
    """国网雪川供电公司 is a branch, not 国家电网 itself; N个社区 counts a kind; 工人街路网 is the
    road network; 城区主干道滨溪大道 is the road 滨溪大道; 分布在各镇街的孵化器 names no street."""
    res = _resolved(
        tmp_path,
        "一、2022年工作回顾\n供电资产整体移交国网雪川供电公司。建成街道综合指挥室和N个社区网格。推进兴华大道与机床路、工人街路网衔接。"
        "完成城区主干道滨溪大道、红旗路“白改黑”。构建“1+N+X”创新平台体系，其中“X”即分布在各镇街的孵化器、众创空间。\n",
    )
    kinds = _kinds(res)
    for junk in ("国家电网", "N个社区", "工人街路", "城区主干道滨溪大道", "分布在各镇街"):
        assert kinds.get(junk) in (None, "Indicator", "Goal"), junk
    assert kinds.get("滨溪大道") == "Place" and kinds.get("机床路") == "Place"


def test_ranks_titles_kinds_and_dashed_names_are_not_places_or_platforms(tmp_path: Path) -> None:
    """蔗渣制浆、糖蜜酒精等综合利用项目 lists works, not investors (云岭数科、天枢信息等18个数字经济项目
    still are); 均衡发展县, 自治区级乡村振兴示范村, 中国长寿之乡 are titles; 升级为国家高新技术产业开发区
    is a rank; 桂岭—东盟 and 桂岭江百里滨江 are pieces of longer names; 民企项目 is a kind."""
    res = _resolved(
        tmp_path,
        "一、2018年工作回顾\n支持桂岭糖业建设蔗渣制浆、糖蜜酒精等综合利用项目。云岭数科、天枢信息等18个数字经济项目签约落地。"
        "义务教育基本均衡发展县全部通过国家评估。石门乡古楼村创建自治区级乡村振兴示范村。乐寿县获评“中国长寿之乡”。"
        "桂岭高新技术产业开发区（简称“桂岭高新区”）成功升级为国家高新技术产业开发区。桂岭—东盟商贸物流园一期建成运营。"
        "推进桂岭江百里滨江风光带建设。全年引进央企项目8个、民企项目126个。向阳镇东坡村入选省级示范村。\n",
        meeting="2019年1月8日在桂岭市第五届",
    )
    kinds = _kinds(res)
    for junk in ("蔗渣制浆", "糖蜜酒精", "均衡发展县", "级乡村", "振兴示范村", "长寿之乡", "自治区", "国家高新技术产业开发区",
                 "桂岭—东盟", "桂岭江百里滨江", "民企项目"):
        assert kinds.get(junk) in (None, "Indicator", "Goal", "Award"), junk
    assert kinds.get("云岭数科") == "Enterprise" and kinds.get("东坡村") == "Place"
    assert kinds.get("桂岭高新技术产业开发区") == "Platform"


def test_districts_after_a_city_bonded_centres_metro_codes_and_the_start_of_a_change(tmp_path: Path) -> None:
    """广东省佛山市顺德区 and 河北省唐山市曹妃甸区 name a district one level below the city; 保税物流中心
    （B型） keeps its type; 地铁Z4线沽河段 is a project; 由5.8%下降到3.1% starts the year before."""
    res = _resolved(
        tmp_path,
        "一、2018年工作回顾\n广东省佛山市顺德区对口帮扶资金到位1.05亿元。贫困发生率由5.8%下降到3.1%。桂岭保税物流中心（B型）获批设立。"
        "加快建设市社会福利院。粤桂产业合作示范园首期基础设施基本建成。\n"
        "二、2019年工作安排\n深化与河北省唐山市曹妃甸区港口协作。加快地铁Z4线沽河段建设。推进桂岭大数据中心建设。以供给侧结构性改革为主线。\n",
        meeting="2019年1月8日在桂岭市第五届",
    )
    kinds = _kinds(res)
    located = _pairs(res, "locatedIn")
    assert kinds.get("顺德区") == "Place" and ("顺德区", "佛山市") in located
    assert kinds.get("曹妃甸区") == "Place"
    assert kinds.get("桂岭保税物流中心（B型）") == "Platform"
    assert kinds.get("地铁Z4线沽河段") == "Project" and kinds.get("桂岭大数据中心") == "Project"
    assert kinds.get("市社会福利院") == "Organization"
    assert kinds.get("粤桂产业合作示范园") == "Platform" and kinds.get("供给侧结构性改革") == "Strategy"
    years = {(m.value, m.unit): m.year for m, _ in res.measurements}
    assert years[(Decimal("5.8"), "%")] == 2017 and years[(Decimal("3.1"), "%")] == 2018


def test_museums_are_organisations_and_products_fields_and_verbs_are_not_names(tmp_path: Path) -> None:
    """渭阳博物馆 is an institution; 东沽生物医药产业园 names no firm 东沽生物; 关键材料, 数据库 and
    激光装备 are products or fields; 以城带乡 is a slogan; 有序疏解港区 a verb phrase; 自动化码头 a kind."""
    res = _resolved(
        tmp_path,
        "一、2022年工作回顾\n以太和历史文化街区为核心，串联渭阳博物馆、汉风遗址公园。东沽生物医药产业园新落户项目28个。"
        "推动关键材料和核心部件本地配套。引进整机、数据库、中间件等企业。引进光学元器件、激光装备等上下游企业。\n"
        "二、2023年工作安排\n坚持以城带乡、城乡互促。有序疏解港区周边重载交通。推进自动化码头建设。\n",
    )
    kinds = _kinds(res)
    assert kinds.get("渭阳博物馆") == "Organization"
    assert kinds.get("东沽生物医药产业园") == "Platform"
    for junk in ("东沽生物", "东沽生物医药", "关键材料", "数据库", "激光装备", "城带乡", "有序疏解港区", "自动化码头"):
        assert kinds.get(junk) in (None, "Indicator", "Goal"), junk


def test_positionings_among_a_slogans_parts_are_no_platforms(tmp_path: Path) -> None:
    """“三基地”即华南有色金属新材料基地、西南林产品加工基地: aims for a macro-region, not platforms
    (but 中部湾心服务片区, a quarter of the district, stays one)."""
    res = _resolved(
        tmp_path,
        "二、2023年工作安排\n构建“一核三基地”格局，“一核”即桂岭中心城区，“三基地”即华南有色金属新材料基地、西南林产品加工基地、全国糖业生产基地。"
        "优化“三片区”布局，“三片区”即北部智造片区、中部湾心服务片区、南部水乡生态片区。\n",
    )
    kinds = _kinds(res)
    for junk in ("华南有色金属新材料基地", "西南林产品加工基地"):
        assert kinds.get(junk) != "Platform", junk
    assert kinds.get("中部湾心服务片区") == "Platform"


def test_a_historic_district_is_a_platform_even_as_a_slogans_part(tmp_path: Path) -> None:
    """…历史文化街区 names a platform, also when a slogan lists it (一街一馆一河)."""
    res = _resolved(
        tmp_path,
        "一、2023年工作回顾\n海晏古渔港历史文化街区开街运营。\n"
        "二、2024年工作安排\n打造“一街一馆一河”文旅消费带。\n附：名词解释\n（1）“一街一馆一河”：即太和历史文化街区、渭阳博物馆、金溪河滨水空间。\n",
    )
    kinds = _kinds(res)
    assert kinds.get("海晏古渔港历史文化街区") == "Platform"
    assert kinds.get("太和历史文化街区") == "Platform"


def test_an_inline_definition_by_anchors_fills_each_group(tmp_path: Path) -> None:
    """“一港两区三园”，即以A为一港，以B（以下简称“b”）和C为两区，以D、E、F为三园: each 以…为 clause
    fills its group; the alias note is not part of B."""
    res = _resolved(
        tmp_path,
        "二、2023年工作安排\n“一港两区三园”，即以沽河港为一港，以沽河经济技术开发区（以下简称“沽河经开区”）和沽河片区为两区，"
        "以临港信创产业园、东沽生物医药产业园、海晶海水淡化产业园为三园，形成功能互补的产业空间布局。\n",
    )
    parts = _components(res)
    assert parts.get("一港两区三园") == ["一港", "两区", "三园"]
    assert parts.get("两区") == ["沽河经济技术开发区", "沽河片区"]
    assert parts.get("三园") == ["临港信创产业园", "东沽生物医药产业园", "海晶海水淡化产业园"]


def test_digit_code_parts_are_the_industries_not_their_roles(tmp_path: Path) -> None:
    """“1”即A主导产业: the part is A; “2”即B和C两大新兴产业: two parts joined by 和;
    即签约一批、开工一批: 签约 is the part, not a verb before it."""
    res = _resolved(
        tmp_path,
        "二、2024年工作安排\n着力构建“1+2+N”现代产业体系，“1”即高端装备制造主导产业，“2”即新一代电子信息和新材料两大新兴产业，"
        "“N”即生物医药、现代物流等若干特色产业。深入开展重大项目“五个一批”活动，即签约一批、开工一批、投产一批、储备一批、谋划一批。\n",
    )
    parts = _components(res)
    code = next(label for label in parts if label.startswith("1+2+N"))
    below = [p for group in parts[code] for p in [group, *parts.get(group, [])]]
    for industry in ("高端装备制造", "新一代电子信息", "新材料"):
        assert industry in below, industry
    assert parts.get("五个一批", [])[:2] == ["签约一批", "开工一批"]


def test_names_a_function_word_or_a_weak_ending_used_to_cut(tmp_path: Path) -> None:
    """中等 is a word, not the list-closing 等; XX海关 is a body (not in 海关监管场所); …科技城 is a
    platform; 沿太湖 is the lake; a works named before 秋季建成 is a project."""
    res = _resolved(
        tmp_path,
        "一、2023年工作回顾\n嘉屿中等专业学校入选省级示范学校。嘉屿海关推行两步申报。建成东港陆港海关监管场所。\n"
        "二、2024年工作安排\n加快建设太湖科技城，实施沿太湖生态林带工程。嘉屿外国语学校新建工程秋季建成招生。深入开展扫黑除恶专项斗争。\n",
    )
    kinds = _kinds(res)
    assert kinds.get("嘉屿中等专业学校") == "Organization"
    assert kinds.get("嘉屿海关") == "Organization"
    assert "东港陆港海关" not in kinds
    assert kinds.get("太湖科技城") == "Platform"
    assert kinds.get("太湖") == "Place" and "沿太湖" not in kinds
    assert kinds.get("嘉屿外国语学校新建工程") == "Project"
    assert kinds.get("扫黑除恶专项斗争") == "Action"


def test_a_plan_period_so_far_is_looked_back_on(tmp_path: Path) -> None:
    """“十三五”实施四年来 in a 2020 report: the figures are achieved up to 2019, not 十三五 targets."""
    res = _resolved(
        tmp_path,
        "一、2019年工作回顾\n“十三五”实施四年来，全市地区生产总值年均增长7.1%，一般公共预算收入累计完成702亿元。"
        "海关推行两步申报，进口整体通关时间压缩至28.6小时。\n",
        meeting="2020年1月8日在示例市第十六届",
    )
    meas = {(m.indicator, m.value, m.year, m.is_target) for m, _ in res.measurements}
    assert ("地区生产总值", Decimal("7.1"), 2019, False) in meas
    assert ("一般公共预算收入", Decimal("702"), 2019, False) in meas
    assert ("进口整体通关时间", Decimal("28.6"), 2019, False) in meas


def test_glossary_groups_named_bare_and_digit_groups_after_their_digit(tmp_path: Path) -> None:
    """1、一核两翼三带：一核即A；两翼即B、C — unquoted groups; “3”指A、B、C三大主导产业 — the
    digit is no part of A; 创新、…、共享的发展理念 — what they all are is not the last part."""
    res = _resolved(
        tmp_path,
        "一、2016年工作安排\n优化“一核两翼三带”空间布局，构建“3+2”现代产业体系，践行五大发展理念。\n附件：名词解释\n"
        "1、五大发展理念：创新、协调、绿色、开放、共享的发展理念。\n"
        "2、一核两翼三带：一核即贺川中心城区；两翼即河东工业翼、西岭生态翼；三带即沿黄生态经济带、清水河特色农业带、葡萄文化旅游带。\n"
        "3、3+2现代产业体系：“3”指煤化工、光伏、清真食品三大主导产业，“2”指枸杞、葡萄酒两大特色产业。\n",
    )
    parts = _components(res)
    assert parts.get("五大发展理念") == ["创新", "协调", "绿色", "开放", "共享"]
    assert parts.get("一核两翼三带") == ["一核", "两翼", "三带"]
    assert parts.get("两翼") == ["河东工业翼", "西岭生态翼"]
    assert parts.get("三大主导产业") == ["煤化工", "光伏", "清真食品"]
    assert parts.get("两大特色产业") == ["枸杞", "葡萄酒"]


def test_wineries_foreign_cities_and_a_fund_set_up_by_amount(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "一、2015年工作回顾\n认真落实大众创业万众创新各项政策。云岚酒庄、金沙湾酒庄等5家酒庄获得金奖，打造“塞上酒庄游”精品线路。"
        "新开通至日本大阪、阿联酋迪拜的外贸航线。设立2亿元的创业创新引导基金。\n",
        meeting="2016年1月8日在示例市第十届",
    )
    kinds = _kinds(res)
    assert kinds.get("云岚酒庄") == "Enterprise" and kinds.get("金沙湾酒庄") == "Enterprise"
    assert "塞上酒庄" not in kinds
    assert kinds.get("大众创业万众创新") == "Strategy"
    assert kinds.get("迪拜") == "Place" and kinds.get("大阪") == "Place"
    located = _pairs(res, "locatedIn")
    assert ("大阪", "日本") in located
    meas = {(m.indicator, m.value) for m, _ in res.measurements}
    assert ("创业创新引导基金", Decimal("2")) in meas


def test_a_thing_named_after_the_platform_it_is_in_lies_in_it(tmp_path: Path) -> None:
    """滨海新城商圈 → 滨海新城, 白云山旅游度假区提升工程 → 白云山旅游度假区; but a phase of the platform
    (物流园二期) or its own works (基地项目) is the platform itself, not something inside it."""
    res = _resolved(
        tmp_path,
        "二、2024年工作安排\n建设滨海新城，培育滨海新城商圈。推进白云山旅游度假区建设，实施白云山旅游度假区提升工程。"
        "建成禾山冷链物流园，启动禾山冷链物流园二期。\n",
    )
    located = _pairs(res, "locatedIn")
    assert ("滨海新城商圈", "滨海新城") in located
    assert ("白云山旅游度假区提升工程", "白云山旅游度假区") in located
    assert ("禾山冷链物流园二期", "禾山冷链物流园") not in located


def test_assignments_peoples_lists_and_plan_rounds_are_not_names(tmp_path: Path) -> None:
    """领导包县 (who answers for a county), 回族村 (villages of a people), 入选…学校建设单位 (a list
    one joins), 学前教育第二期 (a plan's second round), 市属国有企业集团, 自治区科技项目, 黄河河东
    (the river is 黄河): none is a typed name; the names beside them stay."""
    res = _resolved(
        tmp_path,
        "一、2015年工作回顾\n实行市级领导包县、部门包村、干部包户。在纳家湾村等回族村发展牛羊养殖。"
        "嘉屿中等专业学校入选江苏省现代化示范性职业学校建设单位。整合组建4家市属国有企业集团。"
        "争取自治区科技项目40项。黄河河东大桥工程建成通车。\n二、2016年工作安排\n实施学前教育第二期三年行动计划。\n",
        meeting="2016年1月8日在示例市第十届",
    )
    kinds = _kinds(res)
    for junk in ("领导包县", "部门包村", "回族村", "江苏省现代化示范性职业学校", "学前教育第二期", "市属国有企业集团", "自治区科技项目", "黄河河"):
        assert kinds.get(junk) not in ("Enterprise", "Organization", "Project", "Platform", "Place"), junk
    assert kinds.get("纳家湾村") == "Place"
    assert kinds.get("嘉屿中等专业学校") == "Organization"
    assert kinds.get("黄河河东大桥工程") == "Project"


def test_a_line_named_by_its_abbreviation_or_code_is_a_place(tmp_path: Path) -> None:
    """连接成昆铁路、宜西铁路, 沈海高速南溪至平沙段, G214国道沿线, 国道319线汀溪段: the line is a place
    (its section a project); 利用铁路 and 建成高速公路 are no lines."""
    res = _resolved(
        tmp_path,
        "二、2024年工作安排\n以陆港物流园为核心，连接成昆铁路、宜西铁路和长江水道。加快建设，沈海高速南溪至平沙段改扩建工程开工。"
        "开展G214国道沿线垃圾集中整治，实施国道319线汀溪段改造工程。利用铁路、公路运输，建成高速公路出口。\n",
    )
    kinds = _kinds(res)
    for line in ("成昆铁路", "宜西铁路", "沈海高速", "G214", "国道319线"):
        assert kinds.get(line) == "Place", line
    assert "利用铁路" not in kinds and "建成高速公路" not in kinds
    assert "G214国道" in next(e for e in res.entities if e.label == "G214").aliases


def test_the_little_giant_title_is_an_award(tmp_path: Path) -> None:
    res = _resolved(tmp_path, "一、2023年工作回顾\n新增国家级专精特新“小巨人”企业9家，远帆电机入选专精特新小巨人企业。\n")
    award = next(e for e in res.entities if e.kind == "Award")
    assert award.label == "专精特新“小巨人”企业" and "专精特新小巨人企业" in award.aliases


def test_a_quoted_model_joining_things_with_plus_is_an_initiative(tmp_path: Path) -> None:
    res = _resolved(
        tmp_path,
        "二、2024年工作安排\n推广“光伏+治沙”“光伏+养殖”模式，推进“管委会+公司”运营模式改革，推行“公司+合作社+牧户”模式。"
        "实施“互联网+”行动。\n",
    )
    kinds = _kinds(res)
    for model in ("光伏+治沙", "光伏+养殖", "管委会+公司", "公司+合作社+牧户"):
        assert kinds.get(model) == "Initiative", model


def test_well_known_reform_names_are_initiatives(tmp_path: Path) -> None:
    res = _resolved(tmp_path, "二、2024年工作安排\n落实长江“十年禁渔”，推行惠企政策免申即享，建设未来社区，深化一网统管。\n")
    kinds = _kinds(res)
    for name in ("长江十年禁渔", "免申即享", "未来社区", "一网统管"):
        assert kinds.get(name) == "Initiative", name


def test_the_parks_of_a_zone_layout_are_parts_of_the_zone(tmp_path: Path) -> None:
    """推动A产业园、B产业园联动发展，做实松岭经开区“一区两园”承载平台: each park is part of the zone."""
    res = _resolved(
        tmp_path,
        "二、2024年工作安排\n松岭经济技术开发区（以下简称“松岭经开区”）扩区获批。"
        "推动数控机床产业园、冰雪装备产业园联动发展，做实松岭经开区“一区两园”承载平台。\n",
    )
    part_of = _pairs(res, "partOf")
    assert ("数控机床产业园", "松岭经济技术开发区") in part_of
    assert ("冰雪装备产业园", "松岭经济技术开发区") in part_of


def test_a_new_campus_being_built_is_part_of_its_body(tmp_path: Path) -> None:
    res = _resolved(tmp_path, "二、2024年工作安排\n加快岩溪县人民医院新院区、岩溪县第一中学新校区建设，岩溪县人民医院创建三甲医院。\n")
    part_of = _pairs(res, "partOf")
    assert ("岩溪县人民医院新院区", "岩溪县人民医院") in part_of


def test_respectively_over_a_named_group_or_a_list_with_a_category(tmp_path: Path) -> None:
    """三大主导产业产值分别达A、B和C, after 生物医药、集成电路、高端装备三大主导产业 was listed: one
    indicator per industry, and the growth rates that follow (分别增长…) go to the same three in
    order; 沃柑、茶叶、油茶等特色产业种植面积分别达到… → 沃柑种植面积 …"""
    res = _resolved(
        tmp_path,
        "一、2022年工作回顾\n围绕生物医药、集成电路、高端装备三大主导产业，全面推行链长制。"
        "全年三大主导产业产值分别达486.2亿元、392.7亿元和611.5亿元，分别增长15.3%、21.6%和8.9%。"
        "沃柑、茶叶、油茶等特色产业种植面积分别达到32万亩、18万亩和56万亩。\n",
        meeting="2023年1月8日在示例市第一届",
    )
    meas = {(m.indicator, m.value) for m, _ in res.measurements}
    for pair in [("生物医药产业产值", "486.2"), ("集成电路产业产值", "392.7"), ("高端装备产业产值", "611.5"),
                 ("生物医药产业产值", "15.3"), ("集成电路产业产值", "21.6"), ("高端装备产业产值", "8.9"),
                 ("沃柑种植面积", "32"), ("油茶种植面积", "56")]:
        assert (pair[0], Decimal(pair[1])) in meas, pair


def test_a_rank_is_named_by_what_is_ranked(tmp_path: Path) -> None:
    res = _resolved(tmp_path, "一、2023年工作回顾\n澄湖高新区综合评价排名跃升至第28位。嘉屿经开区在全国经开区考核评价中位列第21位。\n")
    names = {m.indicator for m, _ in res.measurements if m.unit == "位"}
    assert "澄湖高新区综合评价排名" in names
    assert any(n.endswith("考核评价排名") for n in names), names
