"""Phrasing families the extractor must follow in text nobody tuned it for (issue 8).

Every example here was written for this file: invented people and companies, phrased the ways
news is written (time adjuncts fronted or late, appositives, reported speech, passives,
inflections, Chinese topic chains and anaphora, counts in every frame, money and its owner,
datelines in every shape). Each case names the claims a careful reader takes from the text:
(predicate, subject, the words of the value, and optionally what the value must be).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from verifier.pipeline import extract_sources
from verifier.text.sources import read_source


def claims_of(text: str, published: dt.date | None = None, name: str = "a"):
    source = read_source(Path(f"{name}.txt"), {"published": published} if published else {}, text=text)
    prepared, _ = extract_sources([source], registry=[])
    return prepared[0]


def has(p, predicate: str, subject: str, words: str, **value) -> bool:
    for c in p.claims:
        if c.predicate == predicate and c.subject == subject and words in c.text:
            v = c.value.model_dump()
            if all(v.get(k) == want for k, want in value.items()):
                return True
    return False


def sorts(p, predicate: str) -> list[tuple[str, str | None]]:
    """The (words, sort) of each claim of `predicate`, in order."""
    return sorted((c.text, c.scope.get("sort")) for c in p.claims if c.predicate == predicate)


def show(p) -> str:
    return "\n".join(f"{c.predicate} | {c.subject} | {c.text} | {c.why}" for c in p.claims)


D = dt.date(2024, 9, 12)  # a Thursday

CASES = [
    # ---------------------------------------------------------------- English sentence shapes
    ("fronted time adjunct",
     "On Tuesday, engineer Priya Ramanathan resigned from the robotics firm Kestrel Dynamics.",
     D, [("departure", "Priya Ramanathan", "Tuesday", {"start": "2024-09-10"})]),
    ("late time adjunct after an object",
     "Teodor Vasile announced his exit from Brightwater Analytics Monday in a memo to staff.",
     D, [("departure", "Teodor Vasile", "Monday", {"start": "2024-09-09"})]),
    ("appositive between subject and verb",
     "Marisa Okonkwo, a co-founder and the chief operating officer of Lindqvist Robotics, said on "
     "Wednesday that she is leaving the company.",
     D, [("departure", "Marisa Okonkwo", "Wednesday", {"start": "2024-09-11"})]),
    ("passive with the doer after by",
     "Chief executive Arvid Lindholm was ousted by the board of Pelion Bio on Friday.",
     D, [("fired", "Arvid Lindholm", "Friday", {"start": "2024-09-06"})]),
    ("inflection: resignation as a noun",
     "The resignation of Hollis Fairweather, announced on Monday, stunned investors.",
     D, [("departure", "Hollis Fairweather", "Monday")]),
    ("stepped down effective immediately",
     "Oksana Breyer stepped down as chief financial officer of Corvid Labs on Wednesday, effective immediately.",
     D, [("departure", "Oksana Breyer", "Wednesday")]),
    ("spent N years at",
     "Desmond Achebe spent three years at Tallgrass Motors before leaving in August.",
     D, [("tenure", "Desmond Achebe", "three years", {"value": 3, "unit": "year"}),
         ("departure", "Desmond Achebe", "August")]),
    ("last day through a date",
     "Renata Solberg, who co-founded Fjordline AI, said she would stay on until September 30 to hand over her work.",
     D, [("last_day", "Renata Solberg", "September 30", {"start": "2024-09-30"})]),
    ("today (date) is my last day, inside a quote",
     'Nadia Ferraro wrote: "Today (September 12) is my last day at Orsolo."',
     D, [("said", "Nadia Ferraro", "Today (September 12) is my last day at Orsolo.")]),
    ("joined in a relative clause",
     "Ulrich Brandt, who joined Vesta Motors in 2018, was fired on Monday.",
     D, [("joined", "Ulrich Brandt", "2018"), ("fired", "Ulrich Brandt", "Monday")]),
    # ---------------------------------------------------------------- money and its subject
    ("raised, led by an investor: the company's funding",
     "Quorra Health raised $85 million in a Series B led by Ironbark Ventures.",
     D, [("funding", "Quorra Health", "$85 million", {"amount": 85_000_000, "currency": "USD"})]),
    ("X-based is no name",
     "The Austin-based startup Larkspur Energy said it was valued at $2.3 billion.",
     D, [("valuation", "Larkspur Energy", "$2.3 billion")]),
    ("valued in a round, as a relative clause",
     "Brisa Labs, which was valued at $900 million in its March round, is hiring again.",
     D, [("valuation", "Brisa Labs", "$900 million")]),
    ("fined a company",
     "A Spanish regulator fined the retailer Almadena Hogar 4 million euros on Wednesday.",
     D, [("fine", "Almadena Hogar", "4 million euros", {"currency": "EUR"}), ("fine", "Almadena Hogar", "Wednesday")]),
    # ---------------------------------------------------------------- counts in every frame
    ("N of the M co-founders are still there",
     "Only four of the nine original co-founders are still at Wrenfield Games.",
     D, [("founders_remaining", "Wrenfield Games", "four", {"value": 4, "whole": 9}),
         ("founders", "Wrenfield Games", "nine", {"value": 9})]),
    ("of the M co-founders, only N remain",
     "Wrenfield Games was started by eight people. Of the eight cofounders, only two remain.",
     D, [("founders_remaining", "Wrenfield Games", "two", {"value": 2})]),
    ("one of the M co-founders states the total only",
     "Ilse Marchetti, one of the five co-founders of Tesserine, left on Monday.",
     D, [("founders", "Tesserine", "five", {"value": 5})]),
    ("cut a share of the workforce, or about N jobs",
     "Halden Systems said on Monday it would cut 12% of its workforce, or about 260 jobs.",
     D, [("layoffs", "Halden Systems", "12%", {"value": 12}), ("layoffs", "Halden Systems", "260", {"value": 260})]),
    ("employs roughly N",
     "Halden Systems employs roughly 2,100 people in four countries.",
     D, [("employees", "Halden Systems", "2,100", {"value": 2100})]),
    # ---------------------------------------------------------------- Chinese
    ("Chinese name after a title, no gloss anywhere",
     "星川科技首席技术官周明远于周一宣布辞职。周明远在星川任职五年。",
     D, [("departure", "周明远", "周一", {"start": "2024-09-09"}), ("tenure", "周明远", "五年")]),
    ("surname form 氏",
     "青禾资本合伙人郭振邦周二宣布离职。郭氏表示，他将在年底前完成交接。",
     D, [("departure", "郭振邦", "周二")]),
    ("a date in an earlier sentence, referred to (同一天)",
     "云帆机器人创始人黎启航于9月2日晚间发文宣布离职。同一天，公司任命联合创始人许嘉言为首席执行官。",
     D, [("departure", "黎启航", "9月2日晚间"), ("appointed", "许嘉言", "同一天", {"start": "2024-09-02"})]),
    ("N days later (三天后)",
     "9月3日，柏川生物宣布裁员。三天后，柏川生物首席财务官罗雅文宣布辞职。",
     D, [("departure", "罗雅文", "三天后", {"start": "2024-09-06"})]),
    ("announces Tuesday as the last day: a last day, not a tenure of one day",
     "澄江电子创始人梁世昌上周五递交辞职信，并宣布周二为其在职最后一天。",
     D, [("departure", "梁世昌", "上周五"), ("last_day", "梁世昌", "周二")]),
    ("group totals and what remains in Chinese",
     "鸣翠游戏由七位联合创始人创立，目前仅剩两位仍在公司。最初9人的创始团队已走4人。",
     D, [("founders", "鸣翠游戏", "七位"), ("founders_remaining", "鸣翠游戏", "两位"),
         ("founders_departed", "鸣翠游戏", "4人")]),
    ("employees in Chinese",
     "禾木医疗目前员工约一千五百名，研发人员占一半。",
     D, [("employees", "禾木医疗", "一千五百名", {"value": 1500})]),
    ("a bare 元 in a Simplified article is yuan",
     "远帆汽车去年底完成15亿元C轮融资，投后估值约120亿元。",
     D, [("funding", "远帆汽车", "15亿元", {"currency": "CNY"}), ("valuation", "远帆汽车", "120亿元", {"currency": "CNY"})]),
    ("Traditional script, valuation with 達",
     "晨曦半導體去年完成新一輪募資，估值達80億美元。",
     D, [("valuation", "晨曦半导体", "80億美元", {"amount": 8_000_000_000})]),
]


@pytest.mark.parametrize("name,text,published,expected", CASES, ids=[c[0] for c in CASES])
def test_family(name, text, published, expected):
    p = claims_of(text, published)
    for predicate, subject, words, *value in expected:
        assert has(p, predicate, subject, words, **(value[0] if value else {})), \
            f"{name}: no {predicate} of {subject} at {words!r}\n{show(p)}"


D2 = dt.date(2025, 2, 20)  # a Thursday

MORE_CASES = [
    # ---------------------------------------------------------------- more predicates, both languages
    ("acquisition: agreed to acquire X for an amount",
     "Northwind Semiconductor agreed on Monday to acquire Pallas Optics for $640 million in cash.",
     D2, [("acquisition", "Pallas Optics", "$640 million"), ("acquisition", "Pallas Optics", "Monday")]),
    ("acquisition in Chinese: 以X收购Y",
     "远峰集团周二宣布，将以12亿元收购苏州芯源科技。",
     D2, [("acquisition", "苏州芯源科技", "12亿元"), ("acquisition", "苏州芯源科技", "周二")]),
    ("deal expected to close",
     "Northwind Semiconductor agreed to buy Pallas Optics. The deal is expected to close in the third quarter of 2025.",
     D2, [("deal_close", "Pallas Optics", "third quarter of 2025", {"start": "2025-07-01", "end": "2025-09-30"})]),
    ("IPO: listed on a date",
     "Shares of Meridia Genomics began trading in Hong Kong on Friday, February 14.",
     D2, [("ipo", "Meridia Genomics", "February 14")]),
    ("IPO in Chinese: 挂牌",
     "星海药业于2月14日在香港联交所挂牌上市，募资约18亿港元。",
     D2, [("ipo", "星海药业", "2月14日"), ("funding", "星海药业", "18亿港元", {"currency": "HKD"})]),
    ("layoffs in Chinese: 裁员N人",
     "岳峰汽车本周一宣布裁员约800人，占员工总数的一成。",
     D2, [("layoffs", "岳峰汽车", "800人"), ("layoffs", "岳峰汽车", "本周一")]),
    ("lay off N employees",
     "Caravel Freight will lay off 450 employees, the company said on Tuesday.",
     D2, [("layoffs", "Caravel Freight", "450 employees")]),
    ("stake: holds X% of Y",
     "Osprey Holdings owns a 35% stake in Tidewell Foods, according to filings.",
     D2, [("stake", "Osprey Holdings", "35%")]),
    ("stake in Chinese: 持有X股份",
     "坤泰控股持有华岭食品约四成股份。",
     D2, [("stake", "坤泰控股", "四成")]),
    ("lawsuit and damages",
     "Former chief executive Lionel Ashby sued Verrano Foods on Monday, seeking $12 million in damages.",
     D2, [("lawsuit", "Lionel Ashby", "Monday"), ("damages", "Lionel Ashby", "$12 million")]),
    ("revenue and net loss in one sentence",
     "Tamsin Biologics reported revenue of $48 million for 2024 and a net loss of $130 million.",
     D2, [("revenue", "Tamsin Biologics", "$48 million"), ("loss", "Tamsin Biologics", "$130 million")]),
    ("revenue and loss in Chinese",
     "数据显示，禾丰智能2024年营收约5.6亿元，净亏损2.1亿元。",
     D2, [("revenue", "禾丰智能", "5.6亿元"), ("loss", "禾丰智能", "2.1亿元")]),
    ("sales: delivered N vehicles",
     "Ostrava Motors delivered 12,400 vehicles in January, the company said.",
     D2, [("sales", "Ostrava Motors", "12,400 vehicles")]),
    ("launch of a product named by a title mark",
     "灵犀科技的新款耳机《声屿》于上周四正式发售。",
     D2, [("launch", "声屿", "上周四")]),
    ("appointed as chief executive",
     "The board of Corrigan Bank appointed Mireille Dutoit as chief executive on Wednesday.",
     D2, [("appointed", "Mireille Dutoit", "Wednesday")]),
    ("founded in a year, Chinese",
     "卓远物流成立于2012年，总部位于武汉。",
     D2, [("founded", "卓远物流", "2012年")]),
    ("founded by someone, participial appositive",
     "Galloway Labs, founded in 2017 by two former surgeons, makes surgical robots.",
     D2, [("founded", "Galloway Labs", "2017")]),
    ("a time zone named in the text",
     "美国芯片公司Corra Systems于美东时间周二晚间宣布，首席执行官Ivan Petrov即日起辞职。",
     D2, [("departure", "Ivan Petrov", "周二晚间")]),
    ("same day in English",
     "Solene Marchand resigned as chair of Brisbane Capital on Monday. The company named Arjun Mehta as her "
     "successor the same day.",
     D2, [("departure", "Solene Marchand", "Monday"), ("appointed", "Arjun Mehta", "the same day", {"start": "2025-02-17"})]),
    ("the same day in a sentence with a quoted name",
     'Solene Marchand resigned as chair of Brisbane Capital on Monday. The board named Arjun Mehta, who built '
     'the "Kite" app, as her successor that day.',
     D2, [("departure", "Solene Marchand", "Monday"), ("appointed", "Arjun Mehta", "that day", {"start": "2025-02-17"})]),
    ("the same day in a Chinese sentence with a quoted name",
     "“极光”应用的开发商泊岸科技3月2日宣布裁员200人，同日股价下跌5%。",
     D2, [("layoffs", "泊岸科技", "3月2日"), ("share_price_change", "泊岸科技", "5%")]),
    ("the combined company's value is the buyer's, in Chinese",
     "美国芯片厂商北辰半导体（Northwind Semiconductor）宣布，将以12亿美元现金收购星桥光电。"
     "以最新收盘价计算，合并后公司市值约90亿美元。",
     D2, [("acquisition", "星桥光电", "12亿美元"), ("valuation", "Northwind Semiconductor", "90亿美元")]),
    ("investors in general subscribe: the money is the company's, in Chinese",
     "北辰生物今日在港交所挂牌上市。\n\n北辰生物目前员工约600名。公司在上市前已获多家基金投资，基石投资者合共认购约3.2亿港元股份。",
     D2, [("investment", "北辰生物", "3.2亿港元")]),
    ("the company's own investors subscribe: X的投资者 are X's",
     "北辰生物今日在港交所挂牌上市。北辰生物的基石投资者合共认购约3.2亿港元股份。",
     D2, [("investment", "北辰生物", "3.2亿港元")]),
    ("a Chinese compound noun: the name right before it owns it",
     "北辰游戏2021年取得Brightwell Labs控股权。星桥光电市值约90亿美元，北辰半导体估值约为30亿美元。",
     D2, [("acquisition", "Brightwell Labs", "2021年"), ("valuation", "星桥光电", "90亿美元"),
          ("valuation", "北辰半导体", "30亿美元")]),
    ("the two companies combined: the buyer's value",
     "Northwind Semiconductor said on Tuesday it would acquire Pallas Optics for $1.2 billion in cash. Combined, "
     "the two companies would have a market value of about $9 billion.",
     D2, [("acquisition", "Pallas Optics", "$1.2 billion"), ("valuation", "Northwind Semiconductor", "$9 billion")]),
]


@pytest.mark.parametrize("name,text,published,expected", MORE_CASES, ids=[c[0] for c in MORE_CASES])
def test_more_families(name, text, published, expected):
    test_family(name, text, published, expected)


def test_a_combined_company_value_is_scoped_as_combined():
    """The buyer's name, but the combined company's value: never compared with the buyer's own."""
    p = claims_of("Northwind Semiconductor said on Tuesday it would acquire Pallas Optics for $1.2 billion in cash. "
                  "Combined, the two companies would have a market value of about $9 billion.", D2)
    (valuation,) = [c for c in p.claims if c.predicate == "valuation"]
    assert valuation.subject == "Northwind Semiconductor" and valuation.scope.get("of") == "combined"
    alone = claims_of("Northwind Semiconductor is valued at about $9 billion.", D2)
    assert all(c.scope.get("of") != "combined" for c in alone.claims)


def test_a_passive_marker_keeps_who_it_is_done_to_from_being_the_doer():
    """被索赔 / 遭求偿: the company is asked to pay; the damages sought are not its claim. The doer
    is the name between the marker and the word, or no one when the text does not say."""
    headline = claims_of("北辰游戏旗下美国游戏公司Brightwell Labs解雇总裁 被索赔3000万美元", D2)
    assert not [c for c in headline.claims if c.predicate == "damages"], show(headline)
    named = claims_of("Brightwell Labs遭Lena Ortiz求偿3000万美元。", D2)
    assert has(named, "damages", "Lena Ortiz", "3000万美元"), show(named)
    assert not [c for c in named.claims if c.predicate == "damages" and c.subject == "Brightwell Labs"]
    active = claims_of("Lena Ortiz于周四在加州法院提起诉讼，向Brightwell Labs索赔3000万美元。", D2)
    assert has(active, "damages", "Lena Ortiz", "3000万美元"), show(active)


def test_figures_about_a_field_or_from_a_source_are_nobody_s_claims():
    """"Venture funding for the sector fell 18% last year, according to data provider X": X is
    where the figure comes from and the sector is no one; "…, and venture investors put $31
    billion into AI startups" is not the funding round of the clause before it."""
    field = claims_of("Brightwell Labs raised money in January. Venture funding for the sector fell about 18% last "
                      "year, according to data provider PitchLedger.", D2)
    assert has(field, "funding", "Brightwell Labs", "January"), show(field)
    assert not [c for c in field.claims if c.subject == "PitchLedger" or "last year" in c.text], show(field)
    rival = claims_of("Rival Brightwell Labs was valued at $12 billion in a funding round last month, and venture "
                      "investors put an estimated $31 billion into AI startups in the fourth quarter of 2024.", D2)
    assert has(rival, "valuation", "Brightwell Labs", "$12 billion"), show(rival)
    assert not [c for c in rival.claims if "31 billion" in c.text], show(rival)
    own = claims_of("Brightwell Labs raised $40 million in a funding round last month, the company said.", D2)
    assert has(own, "funding", "Brightwell Labs", "$40 million"), show(own)


def test_a_field_s_total_told_by_someone_in_general_is_nobody_s():
    """A sentence that opens on someone in general and names no one (业内人士表示, "Analysts
    said") tells a field's figure, not the company the text is about."""
    text = ("云帆出行（Yunfan Mobility）周一与监管机构达成和解，支付罚款800万元。"
            "业内人士表示，近两年网约车平台涉及的数据案件已有十余宗，和解金额合计超过2亿元。")
    p = claims_of(text, D2)
    assert not [c for c in p.claims if "2亿" in c.text], show(p)
    own = claims_of("云帆出行（Yunfan Mobility）周一与用户达成和解。业内人士表示，云帆出行的和解金额为2亿元。", D2)
    assert has(own, "settlement", "Yunfan Mobility", "2亿元"), show(own)


def test_who_approves_an_event_is_not_its_doer_and_the_day_is_the_approval_s():
    """"A judge gave final approval to a $12 million settlement" is the company's settlement, and
    the day is the approval's; 法官批准了X的和解 names X after the approval."""
    en = claims_of("Brightwell Labs was sued by users in 2024. A federal judge on Thursday gave final approval to "
                   "a $12 million settlement. Judge Mara Quist had granted preliminary approval to the settlement "
                   "on May 4.", D2)
    assert has(en, "settlement", "Brightwell Labs", "$12 million"), show(en)
    assert not [c for c in en.claims if c.predicate == "settlement" and c.kind == "date"], show(en)
    assert not [c for c in en.claims if c.subject == "Mara Quist" and c.predicate == "settlement"], show(en)
    zh = claims_of("云帆出行（Yunfan Mobility）遭乘客集体起诉。法官柯静安（Ann Ko）週四批准雙方達成的1200萬美元和解方案。", D2)
    assert has(zh, "settlement", "Yunfan Mobility", "1200萬美元"), show(zh)
    assert not [c for c in zh.claims if c.subject == "Ann Ko" and c.predicate == "settlement"], show(zh)
    named = claims_of("法官柯静安（Ann Ko）批准了云帆出行（Yunfan Mobility）1200万美元的和解协议。", D2)
    assert has(named, "settlement", "Yunfan Mobility", "1200万美元"), show(named)
    agreed = claims_of("Brightwell Labs agreed on Monday to pay $3 million to settle the case, which a judge must approve.", D2)
    assert has(agreed, "settlement", "Brightwell Labs", "Monday"), show(agreed)


def test_lawyers_fees_are_a_part_of_a_settlement_not_the_settlement():
    for text in ("云帆出行（Yunfan Mobility）同意支付1200万美元和解金，其中律师费300万美元。",
                 "云帆出行（Yunfan Mobility）周四达成和解。法官同时核准原告律師費300萬美元，约占和解金的25%。",
                 "Yunfan Mobility agreed to a $12 million settlement, including attorneys' fees of $3 million."):
        p = claims_of(text, D2)
        assert not [c for c in p.claims if c.predicate == "settlement" and "300" in c.text or "$3 million" in c.text], show(p)
    p = claims_of("Yunfan Mobility agreed to a $12 million settlement, including attorneys' fees of $3 million.", D2)
    assert has(p, "settlement", "Yunfan Mobility", "$12 million"), show(p)


def test_a_round_named_with_its_time_dates_that_round():
    """去年的A轮, 三年前的Pre-IPO轮: the time before a round's name is when that round was raised,
    whatever the case of its letters; a later round's valuation in the sentence is not of that time."""
    later = claims_of("栖川机器人本周完成C轮融资，投后估值达45亿元，较三年前的a轮估值翻了两番。", D2)
    assert has(later, "funding", "栖川机器人", "三年前", start="2022-01-01"), show(later)
    (dated,) = [c for c in later.claims if c.text == "三年前"]
    assert dated.scope.get("of") == "round:a"
    valuation = [c for c in later.claims if c.predicate == "valuation" and "45亿元" in c.text]
    assert valuation and all(c.scope.get("of") == "round:c" and "2022" not in c.scope.get("when", "")
                             for c in valuation), show(later)
    upper = claims_of("栖川机器人本周完成C轮融资，估值高于2022年的A轮估值。", D2)
    assert has(upper, "funding", "栖川机器人", "2022年"), show(upper)
    traditional = claims_of("棲川機器人本週完成C輪融資，較去年的PRE-IPO輪估值上升。", D2)
    assert has(traditional, "funding", "栖川机器人", "去年", start="2024-01-01"), show(traditional)


DECEMBER = dt.date(2024, 12, 4)


def test_a_product_named_by_letters_and_digits():
    """Z7, HX300: a token of capitals and digits is a product, so what it is launched or sold
    under is claimed of it; FY2025 and G20 are a period and a group, not products."""
    english = claims_of("Orlen Robotics shipped its HX300 welding arm on Monday, a year after the "
                        "company first showed it. Its FY2025 sales were released on Monday.", D)
    assert has(english, "launch", "HX300", "Monday", start="2024-09-09"), show(english)
    assert not any(c.subject in ("FY2025", "FY") for c in english.claims), show(english)
    chinese = claims_of("泊岸智能于本周二发布了新一代巡检机器人Z7。", D)
    assert has(chinese, "launch", "Z7", "本周二", start="2024-09-10"), show(chinese)


def test_a_month_without_a_year_told_as_past_is_the_last_one():
    """Read in December, "in February" is the coming February unless its event is told as past:
    "released ... in February", 已于2月发布, 2月推出了 are the February before."""
    past = claims_of("Orlen Robotics released the HX300 welding arm in February.", DECEMBER)
    assert has(past, "launch", "HX300", "February", start="2024-02-01"), show(past)
    zh = claims_of("泊岸智能的巡检机器人Z7已于2月发布。", DECEMBER)
    assert has(zh, "launch", "Z7", "2月", start="2024-02-01"), show(zh)
    ahead = claims_of("Orlen Robotics will release the HX300 welding arm in February.", DECEMBER)
    assert has(ahead, "launch", "HX300", "February", start="2025-02-01"), show(ahead)
    # the appointment is told as past, its effective date is of another clause, still to come
    effective = claims_of("泊岸智能董事会已任命首席技术官罗一鸣接任总裁，1月6日起生效。", DECEMBER)
    assert has(effective, "appointed", "罗一鸣", "1月6日", start="2025-01-06"), show(effective)


def test_a_count_whose_noun_is_the_event_word():
    """"Nightfall Run 3 tops 2 million sales": the number of a product's name is not a value, the
    verb before the count bounds it, and its noun (sales) is the event word it counts."""
    headline = claims_of("Nightfall Run 3 tops 2 million sales in its first month", D)
    (sold,) = [c for c in headline.claims if c.predicate == "sales"]
    assert sold.subject == "Nightfall Run 3" and "2 million" in sold.text, show(headline)
    assert sold.value.bound == "more_than" and sold.value.value == 2_000_000, show(headline)
    assert not any(c.text.startswith("3") for c in headline.claims), show(headline)
    chinese = claims_of("游戏《夜奔3》上市首月销量突破200万份。", D)
    (sold,) = [c for c in chinese.claims if c.predicate == "sales"]
    assert sold.value.bound == "more_than" and sold.value.value == 2_000_000, show(chinese)


def test_a_bug_in_one_sentence_skips_that_sentence_only(monkeypatch, capsys):
    """An internal error reading one sentence costs that sentence (listed as unclaimed, with a
    warning naming its line), not the article or the run; with VERIFIER_DEBUG it is raised."""
    from verifier.claims import extract as module

    text = "Bolan Tech cut 200 jobs on Monday.\nHarbin Foods cut 300 jobs on Tuesday.\nQiwen Labs cut 90 jobs on Friday."
    reading = module.SentenceView.extract

    def failing(view):
        if "Harbin" in view.ex.text[view.sentence.start:view.sentence.end]:
            raise ValueError("a bug")
        reading(view)

    monkeypatch.setattr(module.SentenceView, "extract", failing)
    with pytest.raises(ValueError):
        claims_of(text, D2)
    monkeypatch.delenv("VERIFIER_DEBUG")
    p = claims_of(text, D2)
    assert {c.subject for c in p.claims} == {"Bolan Tech", "Qiwen Labs"}
    assert any("Harbin" in text[a:b] for a, b in p.unclaimed)
    err = capsys.readouterr().err
    assert "internal error in a, line 2: ValueError: a bug; the sentence was skipped" in err


def test_a_date_restated_in_parentheses_is_one_claim():
    """今天（9月12日）, "today (Sept. 12)": the parenthesis restates the date before it; the claim
    is the stated date, once."""
    zh = claims_of("泊岸智能今天（9月12日）在深圳证券交易所挂牌上市。", D)
    listed = [c for c in zh.claims if c.predicate == "ipo"]
    assert [c.text for c in listed] == ["9月12日"], show(zh)
    en = claims_of("Orlen Robotics listed its shares in Frankfurt today (Sept. 12), the company said.", D)
    listed = [c for c in en.claims if c.predicate == "ipo"]
    assert [c.text for c in listed] == ["Sept. 12"], show(en)


def test_a_condition_is_supposed_not_claimed():
    """"If Orlen lists next year, ...", 如果……明年上市，……: what a condition supposes is not a
    claim, and its dates date nothing outside it; the same words stated are claims."""
    supposed = claims_of("If Orlen Robotics raises $50 million next month, it will hire 200 engineers.", D)
    assert not any(c.predicate == "funding" for c in supposed.claims), show(supposed)
    stated = claims_of("Orlen Robotics raised $50 million last month and will hire 200 engineers.", D)
    assert has(stated, "funding", "Orlen Robotics", "$50 million"), show(stated)
    dated = claims_of("If you read one filing about Orlen Robotics this week, read the lawsuit it filed on Monday.", D)
    assert not any(c.text == "this week" for c in dated.claims), show(dated)
    zh = claims_of("如果泊岸智能明年上市，公司估值有望超过百亿元。", D)
    assert not any(c.predicate == "ipo" for c in zh.claims), show(zh)
    zh_stated = claims_of("泊岸智能计划明年上市。", D)
    assert any(c.predicate == "ipo" for c in zh_stated.claims), show(zh_stated)


def test_a_quote_said_by_someone_a_pronoun_owns():
    """'"…," said her lawyer, Tomas Ferreira': the lawyer says it, not the woman "her" stands
    for; '"…," her agent said' names no one who can be cited, so nobody is made to say it."""
    text = ("Priya Ramanathan resigned from Kestrel Dynamics on Tuesday. \"She was pushed out for raising "
            "safety concerns,\" said her lawyer, Tomas Ferreira.")
    p = claims_of(text, D)
    (quote,) = [c for c in p.claims if c.kind == "quote"]
    assert quote.subject == "Tomas Ferreira", show(p)
    agent = claims_of("Priya Ramanathan resigned from Kestrel Dynamics on Tuesday. \"She leaves with her head "
                      "held high and no regrets,\" her agent said.", D)
    assert not any(c.kind == "quote" and c.subject == "Priya Ramanathan" for c in agent.claims), show(agent)
    itself = claims_of("Priya Ramanathan resigned from Kestrel Dynamics on Tuesday. \"I leave with my head held "
                       "high and no regrets,\" she said.", D)
    assert any(c.kind == "quote" and c.subject == "Priya Ramanathan" for c in itself.claims), show(itself)


def test_a_title_alone_stands_for_the_one_person_named_with_it():
    """"Ousted Kestrel chief executive sues for $12 million": a title no name follows is the one
    person the article names with that title; with two people holding it, it is no one."""
    text = ("Ousted Kestrel chief executive sues robotics firm for $12 million\n\n"
            "Priya Ramanathan, who was removed as chief executive of Kestrel Dynamics on Monday, filed a "
            "lawsuit on Thursday accusing the board of breach of contract.")
    p = claims_of(text, D)
    assert has(p, "damages", "Priya Ramanathan", "$12 million"), show(p)
    two = ("Ousted Kestrel chief executive sues robotics firm for $12 million\n\n"
           "Priya Ramanathan, who was removed as chief executive of Kestrel Dynamics on Monday, was replaced "
           "by Tomas Ferreira, chief executive of its parent company.")
    q = claims_of(two, D)
    assert not any(c.predicate == "damages" for c in q.claims), show(q)
    zh = claims_of("泊岸智能解雇总裁罗一鸣。被解雇的总裁周四起诉公司，索赔1200万元。", D)
    assert has(zh, "damages", "罗一鸣", "1200万元"), show(zh)


def test_a_relative_clause_with_its_own_verb_keeps_its_date():
    """", who was removed as chief executive on Monday, filed a lawsuit on Thursday": Monday is
    the removal's day, not the lawsuit's; a relative clause naming no verb of its own is left
    to the rules it had."""
    p = claims_of("Priya Ramanathan, who was removed as chief executive of Kestrel Dynamics on Monday, filed a "
                  "lawsuit on Thursday accusing the board of breach of contract.", D)
    assert has(p, "lawsuit", "Priya Ramanathan", "Thursday"), show(p)
    assert not any(c.predicate == "lawsuit" and c.text == "Monday" for c in p.claims), show(p)
    assert has(p, "fired", "Priya Ramanathan", "Monday", start="2024-09-09"), show(p)  # removed as: fired


def test_cut_is_a_layoff_only_with_people_after_it():
    """"cut about 900 jobs", "cut 6% of its workforce" are layoffs; "cut its forecast on
    Wednesday" is not, and neither its percentage nor its day are claims of one."""
    forecast = claims_of("Shares of Orlen Robotics fell 9% on Wednesday after the company cut its outlook.", D)
    assert not any(c.predicate == "layoffs" for c in forecast.claims), show(forecast)
    jobs = claims_of("Orlen Robotics will cut about 900 jobs, or 6% of its workforce, the company said.", D)
    assert has(jobs, "layoffs", "Orlen Robotics", "about 900 jobs"), show(jobs)
    assert has(jobs, "layoffs", "Orlen Robotics", "6%"), show(jobs)
    laid = claims_of("Orlen Robotics laid off 300 workers on Monday.", D)
    assert has(laid, "layoffs", "Orlen Robotics", "Monday", start="2024-09-09"), show(laid)


def test_agreeing_to_buy_a_company_or_an_amount_of_shares():
    """"agreed to buy Pinewood Optics for $1.1 billion" is an acquisition (its price), in both
    languages; "have agreed to buy about $80 million of the shares" is an investment."""
    bought = claims_of("Orlen Robotics agreed to buy Pinewood Optics for $1.1 billion in cash, the companies said.", D)
    assert has(bought, "acquisition", "Pinewood Optics", "$1.1 billion"), show(bought)
    assert not any(c.predicate == "investment" for c in bought.claims), show(bought)
    zh = claims_of("泊岸智能同意以11亿美元现金收购松岭科技。", D)
    assert has(zh, "acquisition", "松岭科技", "11亿美元"), show(zh)
    shares = claims_of("Orlen Robotics priced its listing on Tuesday. Two pension funds have agreed to buy about "
                       "$80 million of the shares on offer.", D)
    assert has(shares, "investment", "Orlen Robotics", "about $80 million"), show(shares)


def test_a_valuation_takes_the_round_its_sentence_told_and_a_compared_figure_its_own():
    """"raised $300 million in a Series C round led by X, valuing it at $4 billion": the valuation
    is the Series C one; "now valued at $4 billion, up from $1.5 billion in its Series B round":
    the $1.5 billion is the Series B valuation (not money raised), the $4 billion of no round."""
    told = claims_of("Orlen Robotics raised $300 million in a Series C round led by Tidewater Capital, "
                     "valuing it at $4 billion.", D)
    (valuation,) = [c for c in told.claims if c.predicate == "valuation"]
    assert valuation.scope.get("of") == "round:c", show(told)
    compared = claims_of("Orlen Robotics is now valued at $4 billion, up from $1.5 billion in its Series B round.", D)
    by_text = {c.text: c for c in compared.claims}
    assert by_text["$1.5 billion"].predicate == "valuation" and by_text["$1.5 billion"].scope.get("of") == "round:b", \
        show(compared)
    assert by_text["$4 billion"].predicate == "valuation" and "of" not in by_text["$4 billion"].scope, show(compared)
    later = claims_of("Orlen Robotics raised $300 million in a Series C round; the company is now valued at $4 billion.", D)
    (now,) = [c for c in later.claims if c.predicate == "valuation"]
    assert "of" not in now.scope, show(later)


def test_a_foreign_name_written_in_chinese_with_a_middle_dot():
    """首席执行官黛拉·摩根斯特恩于10月24日辞职: a transliterated name with its middle dot is a
    person with no gloss; a title in 《》 and a word of ordinary characters are not."""
    p = claims_of("泊岸智能首席执行官黛拉·摩根斯特恩于9月10日辞职，她于2016年加入公司。", D)
    assert has(p, "departure", "黛拉·摩根斯特恩", "9月10日", start="2024-09-10"), show(p)
    assert has(p, "joined", "黛拉·摩根斯特恩", "2016年"), show(p)
    from verifier.claims.entities import learn_article

    for text in ("新作《星际·远征》本周发售。", "公司·品牌·战略"):
        assert all(kind != "person" for _, kind, *_ in learn_article(text, text).names), text


def test_filing_to_list_is_not_the_listing_and_a_planned_amount_says_so():
    """递交上市申请 on Monday and 挂牌上市 on Wednesday are two events; "plans to raise about
    $500 million", 拟募资 are amounts still to come (scope tense planned)."""
    filed = claims_of("泊岸智能于本周一向港交所递交上市申请，拟募资约5亿美元。", D)
    assert has(filed, "ipo_filing", "泊岸智能", "本周一", start="2024-09-09"), show(filed)
    assert not any(c.predicate == "ipo" for c in filed.claims), show(filed)
    (amount,) = [c for c in filed.claims if c.kind == "money"]
    assert amount.scope.get("tense") == "planned", show(filed)
    english = claims_of("Orlen Robotics filed for an IPO in Frankfurt on Monday and plans to raise about $500 million.", D)
    assert has(english, "ipo_filing", "Orlen Robotics", "Monday"), show(english)
    (amount,) = [c for c in english.claims if c.kind == "money"]
    assert amount.scope.get("tense") == "planned", show(english)
    listed = claims_of("泊岸智能周三在港交所挂牌上市，募资4.2亿美元。", D)
    assert has(listed, "ipo", "泊岸智能", "周三") and all("tense" not in c.scope for c in listed.claims), show(listed)


def test_an_earlier_round_of_cuts_keeps_its_year():
    """"last cut staff in 2019, when it shed 450 jobs": the count is of 2019's cuts, so it does
    not contradict this year's."""
    p = claims_of("Orlen Robotics said on Monday it would cut 300 jobs. The company last cut staff in 2019, "
                  "when it shed 450 jobs.", D)
    (earlier,) = [c for c in p.claims if c.kind == "count" and "450" in c.text]
    assert earlier.scope.get("when") == "2019-01-01/2019-12-31", show(p)


def test_number_words_start_with_a_unit_or_a_and_a_scale():
    """"€80 million three years ago": "million three" is no number, so the amount is €80 million
    and the date three years before; "a hundred days ago" still reads."""
    from verifier.normalize.engine import analyze

    found = analyze("it paid €80 million three years ago", base=D)
    assert [(f.value.kind, f.value.amount if f.value.kind == "money" else f.value.start) for f in found] == [
        ("money", 80_000_000), ("date", "2021-01-01")]
    (ago,) = analyze("a hundred days ago", base=D, kinds=("date",))
    assert ago.value.start == "2024-06-04"


def test_a_month_without_a_year_told_as_to_come_is_the_next_one():
    """将于8月底前完成, read in September 2024: the August to come (2025), not the one past."""
    p = claims_of("泊岸智能周二宣布裁员约500人，裁员将于8月底前完成。", D)
    (when,) = [c for c in p.claims if c.text == "8月底"]
    assert when.value.start.startswith("2025-08"), show(p)


def test_a_dotted_foreign_name_with_a_gloss_is_a_person():
    """首席执行官罗薇娜·黑斯廷斯(Rowena Hastings): a character outside the usual transliteration
    set does not make the glossed name an organisation; 公司 afterwards is still the company."""
    p = claims_of("泊岸物流首席执行官罗薇娜·黑斯廷斯（Rowena Hastings）表示，裁员将于年底前完成。"
                  "公司去年营收为12亿美元。", D)
    assert has(p, "revenue", "泊岸物流", "12亿美元"), show(p)
    assert not any(c.subject == "Rowena Hastings" and c.predicate in ("layoffs", "revenue") for c in p.claims), show(p)


def test_charges_and_expenses_are_costs():
    p = claims_of("泊岸物流预计重组将产生3000万至4000万美元的费用。", D)
    assert has(p, "cost", "泊岸物流", "3000万至4000万美元"), show(p)
    e = claims_of("Orlen Robotics expects a restructuring charge of about $30 million.", D)
    assert has(e, "cost", "Orlen Robotics", "$30 million"), show(e)


def test_a_name_modifying_a_noun_or_before_a_coordinated_verb_is_not_the_subject():
    """"would close its Derby plant and cut 240 jobs": Derby names a plant, and "cut" shares the
    subject of "close"; closing a plant is no deal's closing when no deal was told."""
    p = claims_of("Orlen Robotics said on Monday it would close its Derby plant and cut 240 jobs.", D)
    assert has(p, "layoffs", "Orlen Robotics", "240 jobs"), show(p)
    assert not any(c.predicate == "deal_close" or c.subject == "Derby" for c in p.claims), show(p)
    deal = claims_of("Orlen Robotics agreed to buy Kestrel Dynamics for $2 billion. The deal is expected to "
                     "close in March.", D)
    assert has(deal, "deal_close", "Kestrel Dynamics", "March"), show(deal)


def test_a_name_after_a_company_word_is_a_company():
    """"Grid-storage startup Verrin Sola": two words that read like a person's name are a
    company's after startup/rival/company, in the headline too; a gloss (维林储能) retypes a
    name another article's text took for a person."""
    text = ("Verrin Sola raises $80 million\n\nGrid-storage startup Verrin Sola said on Tuesday it had raised "
            "$80 million. The company was founded in 2020.")
    p = claims_of(text, D)
    assert has(p, "funding", "Verrin Sola", "$80 million"), show(p)
    assert has(p, "founded", "Verrin Sola", "2020"), show(p)
    from verifier.pipeline import extract_sources
    from verifier.text.sources import read_source

    english = read_source(Path("a.txt"), {"published": D}, text="Verrin Sola said on Tuesday it had raised $80 million.")
    chinese = read_source(Path("b.txt"), {"published": D}, text="储能公司Verrin Sola（维林储能）周二宣布完成8000万美元融资。")
    _, index = extract_sources([english, chinese], registry=[])
    assert index.entities["Verrin Sola"].type == "org"


def test_a_wire_lead_under_a_date_line_is_not_the_story():
    """A "Published:" line, then "OSLO, May 6 (Harbour Wire) -": the agency is no subject and
    the lead's day no event."""
    text = ("Published: 2025-05-07\n\nOSLO, May 6 (Harbour Wire) - Orlen Robotics has hired 120 engineers, "
            "the company said.\n\nThe company was founded in 2011.")
    p = claims_of(text)
    assert p.dateline is not None and p.dateline.lead_start is not None
    assert {c.subject for c in p.claims} == {"Orlen Robotics"}, show(p)
    assert not any(c.text == "May 6" for c in p.claims), show(p)


def test_taking_up_a_post_dates_an_appointment():
    p = claims_of("Orlen Robotics named Ilse Varga as finance chief. Varga will take up the post on October 1.", D)
    assert has(p, "appointed", "Ilse Varga", "October 1", start="2024-10-01"), show(p)


def test_prices_per_share_are_not_the_amount_raised_or_the_value():
    """发行价每股9.8港元, 开盘报11.2港元, "at HK$9.80 each": an offer price and a trading price,
    neither the money raised nor the market value; 发售5000万股 is a count of shares, not money."""
    p = claims_of("泊岸医疗今日在港交所上市，发行价为每股9.8港元，发售约5000万股，募资约4.9亿港元。"
                  "泊岸医疗首日开盘报11.2港元，市值约120亿港元。", D)
    assert has(p, "offer_price", "泊岸医疗", "9.8港元"), show(p)
    assert has(p, "share_price", "泊岸医疗", "11.2港元"), show(p)
    assert has(p, "funding", "泊岸医疗", "4.9亿港元") and has(p, "valuation", "泊岸医疗", "120亿港元"), show(p)
    assert not any(c.predicate in ("funding", "valuation") and ("9.8" in c.text or "11.2" in c.text or "5000万" in c.text)
                   for c in p.claims), show(p)
    e = claims_of("Orlen Robotics sold 50 million shares at HK$9.80 each on its first day of trading on Tuesday.", D)
    assert has(e, "offer_price", "Orlen Robotics", "HK$9.80") and has(e, "ipo", "Orlen Robotics", "Tuesday"), show(e)


def test_trading_prices_of_two_moments_do_not_contradict_but_offer_prices_do():
    from verifier.rules.engine import compare

    texts = {}

    def claims(predicate: str, text_a: str, text_b: str) -> list:
        texts.update(a=text_a, b=text_b)
        a = [c for c in claims_of(text_a, D, name="a").claims if c.predicate == predicate]
        b = [c for c in claims_of(text_b, D, name="b").claims if c.predicate == predicate]
        assert len(a) == 1 and len(b) == 1, (a, b)
        return a + b

    moving = compare(claims("share_price", "泊岸医疗今日开盘报11.2港元。", "泊岸医疗今日收盘报10.4港元。"), texts, {}, {})
    assert moving and all(f.verdict != "contradict" for f in moving)
    offered = compare(claims("offer_price", "泊岸医疗发行价为每股9.8港元。", "泊岸医疗发行价为每股8.9港元。"), texts, {}, {})
    assert any(f.verdict == "contradict" for f in offered)


def test_he_is_a_surname_inside_a_sentence():
    """"Founder and chairman He Liwen owns about 35%": He is the surname, not the pronoun."""
    p = claims_of("Founder and chairman He Zhaoming owns about 35% of Orlen Robotics.", D)
    assert has(p, "stake", "He Zhaoming", "35%"), show(p)


def test_settlements_prison_terms_and_market_shares():
    p = claims_of("Orlen Foods agreed to pay $48 million to settle a lawsuit accusing it of fixing egg prices. "
                  "Its former sales chief, Ilse Varga, was sentenced to 30 months in prison in 2023.", D)
    assert has(p, "settlement", "Orlen Foods", "$48 million"), show(p)
    assert has(p, "prison_sentence", "Ilse Varga", "30 months"), show(p)
    assert not any(c.predicate in ("offer_price", "tenure") for c in p.claims), show(p)
    z = claims_of("泊岸食品同意支付4800万美元达成和解。泊岸食品的市场份额约为12%。", D)
    assert has(z, "settlement", "泊岸食品", "4800万美元") and has(z, "market_share", "泊岸食品", "12%"), show(z)


def test_a_fine_paid_to_an_agency_is_the_payers_and_the_agency_is_one_name():
    p = claims_of("Last year, Orlen Foods paid a $9 million fine to the Department of Agriculture.", D)
    assert has(p, "fine", "Orlen Foods", "$9 million"), show(p)
    from verifier.claims.entities import learn_article

    text = "The Bank of Lisbon and the University of the Algarve signed the deal."
    names = {n for n, kind, *_ in learn_article(text, text).names if kind == "org"}
    assert {"Bank of Lisbon", "University of the Algarve"} <= names, names


def test_the_date_of_where_a_figure_comes_from_dates_nothing_else():
    """据周一公开的法庭文件，X同意支付…: Monday is when the filings were made public."""
    p = claims_of("据周一公开的法庭文件，泊岸食品同意支付4800万美元达成和解。", D)
    assert has(p, "settlement", "泊岸食品", "4800万美元"), show(p)
    assert not any(c.kind == "date" for c in p.claims), show(p)
    e = claims_of("According to filings made public on Monday, Orlen Foods agreed to pay $48 million to settle.", D)
    assert has(e, "settlement", "Orlen Foods", "$48 million") and not any(c.kind == "date" for c in e.claims), show(e)


def test_a_source_giving_two_dates_of_one_event_contradicts_no_one_giving_either():
    """"on Monday named X chief executive, effective May 1" against 5月1日起生效: the first source
    gives both days itself."""
    from verifier.rules.engine import compare

    a = "Orlen Robotics on Monday named Ilse Varga as chief executive, effective October 1."
    b = "泊岸智能任命伊尔丝·瓦尔加（Ilse Varga）为首席执行官，10月1日起生效。"
    from verifier.pipeline import extract_sources
    from verifier.text.sources import read_source

    prepared, _ = extract_sources([read_source(Path("a.txt"), {"published": D}, text=a),
                                   read_source(Path("b.txt"), {"published": D}, text=b)], registry=[])
    claims = [c for p in prepared for c in p.claims if c.predicate == "appointed"]
    assert len({c.source for c in claims}) == 2, claims
    findings = compare(claims, {"a": a, "b": b}, {"a": D, "b": D}, {})
    assert findings and all(f.verdict != "contradict" for f in findings), findings


def test_spending_yields_to_the_event_it_pays_for_and_jobs_created_and_customers():
    p = claims_of("泊岸集团于2021年斥资约12亿欧元收购克里恩物流。", D)
    assert not any(c.predicate == "spending" for c in p.claims), show(p)
    s = claims_of("Orlen Robotics will spend $300 million on a new plant that will create about 450 jobs. "
                  "The company serves about 1.2 million customers.", D)
    assert has(s, "spending", "Orlen Robotics", "$300 million"), show(s)
    assert has(s, "jobs_created", "Orlen Robotics", "450 jobs"), show(s)
    assert has(s, "customers", "Orlen Robotics", "1.2 million customers"), show(s)
    assert not any(c.predicate == "founded" for c in claims_of(
        "Orlen Robotics said mass production is due to start in March.", D).claims)


def test_a_short_form_of_an_organisation_word_is_the_same_company_and_a_taiwan_wire_lead():
    from verifier.pipeline import extract_sources
    from verifier.text.sources import read_source

    en = read_source(Path("a.txt"), {"published": dt.date(2026, 11, 6)},
                     text="Qianli Tech to expand\n\nQianli Technology said its revenue rose to NT$9 billion.")
    zh = read_source(Path("b.txt"), {}, text="（示例社記者王小明台北6日電）千里科技今（6）日表示，營收增至新台幣90億元。")
    prepared, index = extract_sources([en, zh], registry=[])
    assert index.entities.get("Qianli Tech") is None and "Qianli Technology" in index.entities
    b = prepared[1]
    assert b.source.published == dt.date(2026, 11, 6) and b.dateline.tz == "Asia/Taipei"
    assert has(b, "revenue", "Qianli Technology", "新台幣90億元"), show(b)


def test_a_report_after_the_event_dates_it_unless_the_event_has_its_own_date():
    p = claims_of("Orlen Robotics will cut 300 jobs, the company said on Monday.", D)
    assert has(p, "layoffs", "Orlen Robotics", "Monday", start="2024-09-09"), show(p)
    q = claims_of("Ilse Varga resigned as chief executive of Orlen Robotics, the company said in a statement on Tuesday.", D)
    assert has(q, "departure", "Ilse Varga", "Tuesday", start="2024-09-10"), show(q)
    r = claims_of("Orlen Robotics was founded in 2015, the company said on Monday.", D)
    assert not any(c.text == "Monday" for c in r.claims), show(r)


def test_a_spokesperson_who_confirms_her_departure_speaks_for_the_company():
    p = claims_of('Ilse Varga has left Orlen Robotics. An Orlen Robotics spokesperson confirmed her departure and '
                  'said the company was "thankful for all she has done here."', D)
    (quote,) = [c for c in p.claims if c.kind == "quote"]
    assert quote.subject == "Orlen Robotics", show(p)
    z = claims_of("伊尔丝·瓦尔加已离开泊岸智能。泊岸智能发言人证实她已离职，并表示公司“感谢她所做的一切贡献”。", D)
    (quote,) = [c for c in z.claims if c.kind == "quote"]
    assert quote.subject == "泊岸智能", show(z)


def test_a_chinese_name_after_a_title_is_learnt_where_the_article_repeats_it():
    """前首席运营官韩立峰提起…: 提起 is no word a name is known to be followed by, but 韩立峰于
    later in the article is."""
    p = claims_of("泊岸科技收到前首席运营官韩立峰提起的仲裁申请，韩立峰要求公司支付补偿约800万元。"
                  "韩立峰于2018年加入泊岸科技。", D)
    assert has(p, "joined", "韩立峰", "2018年"), show(p)
    assert has(p, "damages", "韩立峰", "800万元"), show(p)


def test_a_passive_doer_named_by_no_name_is_no_subject():
    """被前员工索赔800万元: the claimant is a former employee, not the company the headline names."""
    p = claims_of("泊岸科技被前员工索赔800万元。", D)
    assert not any(c.predicate == "damages" for c in p.claims), show(p)


def test_a_trading_price_per_share_is_no_offer_price():
    p = claims_of("截至周五收盘，泊岸科技股价报每股32.5元。", D)
    assert has(p, "share_price", "泊岸科技", "32.5元") and not any(c.predicate == "offer_price" for c in p.claims), show(p)


def test_a_quarter_without_a_year_told_as_to_come_is_the_next_one():
    """"expected to close in the fourth quarter", read in May: this year's, not last year's."""
    p = claims_of("Orlen Robotics agreed to buy Kestrel Dynamics for $2 billion. The deal is expected to close "
                  "in the fourth quarter.", dt.date(2026, 5, 20))
    assert has(p, "deal_close", "Kestrel Dynamics", "fourth quarter", start="2026-10-01"), show(p)


def test_a_recall_counts_products_not_the_reports_behind_it():
    p = claims_of("Orlen Electronics is recalling about 800,000 space heaters after receiving 31 reports of "
                  "overheating. The company recalled 90,000 kettles in 2021.", D)
    assert has(p, "recall", "Orlen Electronics", "800,000 space heaters"), show(p)
    assert not any(c.predicate == "recall" and "31" in c.text for c in p.claims), show(p)
    (earlier,) = [c for c in p.claims if c.predicate == "recall" and "90,000" in c.text]
    assert earlier.scope.get("when") == "2021-01-01/2021-12-31", show(p)
    z = claims_of("泊岸科技宣布召回约80万台暖风机。", D)
    assert has(z, "recall", "泊岸科技", "80万台"), show(z)


def test_time_in_a_post_after_a_duration_at_the_company():
    p = claims_of("Ilse Varga is leaving Orlen Robotics after 12 years at the company.", D)
    assert has(p, "tenure", "Ilse Varga", "12 years"), show(p)
    q = claims_of("Ilse Varga stepped down on Friday after eight months in the job.", D)
    assert has(q, "tenure", "Ilse Varga", "eight months"), show(q)
    r = claims_of("Ilse Varga worked 20 hours a day at the company.", D)
    assert not any(c.predicate == "tenure" for c in r.claims), show(r)


def test_users_passing_a_mark_are_counted():
    p = claims_of("泊岸科技旗下应用的月活跃用户突破1亿。", D)
    assert has(p, "customers", "泊岸科技", "1亿"), show(p)


def test_an_aside_with_its_own_date_takes_no_date_from_outside_it():
    """"X, which went public in 2019, had $820 million in cash at the end of June": June is not
    when it listed."""
    p = claims_of("Orlen Bio, which went public in 2019, had about $820 million in cash at the end of June.", D)
    assert has(p, "ipo", "Orlen Bio", "2019"), show(p)
    assert not any(c.predicate == "ipo" and "June" in c.text for c in p.claims), show(p)


def test_a_regulatory_approval_is_dated_and_an_approved_product_is_no_event():
    p = claims_of("泊岸生物的偏头痛药物Velotrin周二获得FDA批准。", D)
    assert has(p, "approval", "Velotrin", "周二", start="2024-09-10"), show(p)
    q = claims_of("Two years ago Orlen Bio had no approved product.", D)
    assert not any(c.predicate == "approval" for c in q.claims), show(q)


def test_a_board_approving_spending_approves_no_product():
    p = claims_of("Orlen Robotics said on Thursday its board had approved spending $40 million on a plant.", D)
    assert not any(c.predicate == "approval" for c in p.claims), show(p)
    assert has(p, "spending", "Orlen Robotics", "$40 million"), show(p)


def test_what_a_relative_clause_or_对x的_says_is_bought():
    """"X, which Y agreed to buy for $2 billion in March, reported a loss of $30 million": the
    $2 billion is X's price, never a loss, and Y is not coordinated with X; 对X的收购: X is bought."""
    p = claims_of("Kestrel Dynamics, which Orlen Robotics agreed to buy for $2 billion in March, reported a loss "
                  "of $30 million.", D)
    assert has(p, "acquisition", "Kestrel Dynamics", "$2 billion"), show(p)
    losses = [(c.subject, c.text) for c in p.claims if c.predicate == "loss"]
    assert losses == [("Kestrel Dynamics", "$30 million")], show(p)
    z = claims_of("泊岸科技以20亿美元完成对克里恩动力的收购。", D)
    assert has(z, "acquisition", "克里恩动力", "20亿美元"), show(z)


def test_a_count_right_after_a_word_of_hiring_or_cutting_is_the_events_not_the_staffs_size():
    """"will lay off about 300 workers" and 招聘约2000名员工 count people an event adds or removes:
    read as the size of the staff, they contradicted every article giving the real headcount."""
    p = claims_of("Orlen Robotics will lay off about 300 workers. It plans to hire roughly 120 engineers "
                  "in Lyon. Orlen Robotics has about 9,000 employees.", D)
    assert has(p, "layoffs", "Orlen Robotics", "about 300 workers"), show(p)
    assert has(p, "jobs_created", "Orlen Robotics", "roughly 120 engineers"), show(p)
    assert [c.text for c in p.claims if c.predicate == "employees"] == ["about 9,000 employees"], show(p)
    z = claims_of("泊岸智能计划今年在成都招聘约800名员工。泊岸智能目前員工約1萬2000人。", D)
    assert has(z, "jobs_created", "泊岸智能", "约800名员工"), show(z)
    assert [c.value.model_dump()["value"] for c in z.claims if c.predicate == "employees"] == [12000], show(z)
    # the group's noun between the event word and the number: the size before the event
    b = claims_of("泊岸智能宣布裁员200人。据悉裁员前泊岸智能员工约1800人。", D)
    assert has(b, "employees", "泊岸智能", "1800人"), show(b)


def test_a_breach_counts_the_people_it_reached_not_the_customers():
    p = claims_of("Orlen Mobile said the breach affected about 2.1 million accounts. "
                  "Orlen Mobile has 30 million customers.", D)
    assert has(p, "people_affected", "Orlen Mobile", "2.1 million accounts"), show(p)
    assert [c.text for c in p.claims if c.predicate == "customers"] == ["30 million customers"], show(p)
    z = claims_of("泊岸科技表示，此次数据外泄波及约210万名用户。", D)
    assert has(z, "people_affected", "泊岸科技", "210万名用户"), show(z)


def test_a_plan_s_span_is_no_tenure_and_investing_in_a_plant_is_spending():
    """"will spend $900 million over the next three years" gave its chief a three-year tenure."""
    p = claims_of("Chief executive Ilse Varga said Orlen Robotics would spend $900 million on a new plant "
                  "over the next three years. Orlen Robotics will also invest $200 million in a factory in Brno.", D)
    assert not any(c.predicate == "tenure" for c in p.claims), show(p)
    assert has(p, "spending", "Orlen Robotics", "$900 million") and has(p, "spending", "Orlen Robotics", "$200 million"), show(p)
    z = claims_of("泊岸智能表示，将在未来三年投资9亿美元建设新工厂。", D)
    assert has(z, "spending", "泊岸智能", "9亿美元") and not any(c.kind == "duration" for c in z.claims), show(z)
    t = claims_of("Ilse Varga spent three years at Orlen Robotics before she left.", D)
    assert has(t, "tenure", "Ilse Varga", "three years"), show(t)


def test_shipments_count_the_products_shipped():
    p = claims_of("Orlen Robotics shipped 2.4 million panels last year.", D)
    assert has(p, "sales", "Orlen Robotics", "2.4 million panels"), show(p)


def test_legal_forms_ending_a_name_after_an_org_word_are_dropped():
    """"Brightlake Foods Inc" and a gloss's "Brightlake Foods" are one company."""
    p = claims_of("Orlen Foods Inc said it employs about 9,000 people. Orlen Holdings Co Ltd employs 300.", D)
    assert {c.subject for c in p.claims if c.predicate == "employees"} == {"Orlen Foods", "Orlen Holdings"}, show(p)


def test_a_price_per_share_is_no_deal_price_and_a_closing_price_s_day_dates_no_deal():
    p = claims_of("Orlen Holdings agreed on Monday to buy Varga Systems Corp for $41 per share in cash, or about "
                  "$3.2 billion, a 28% premium to Varga Systems' closing price on Friday.", D)
    deal = {c.text for c in p.claims if c.predicate == "acquisition"}
    assert "about $3.2 billion" in deal and "Monday" in deal, show(p)
    assert not any("41" in t or "Friday" in t for t in deal), show(p)
    assert not any(c.predicate == "offer_price" and "3.2" in c.text for c in p.claims), show(p)
    z = claims_of("泊岸控股周一宣布以每股41美元现金收购瓦尔加科技，交易总值约32亿美元，较瓦尔加科技上周五收盘价溢价28%。", D)
    deal = {c.text for c in z.claims if c.predicate == "acquisition"}
    assert "约32亿美元" in deal and not any("41" in t or "周五" in t for t in deal), show(z)


def test_staying_on_as_an_adviser_is_no_last_day_in_the_post_and_a_term_is_a_tenure():
    p = claims_of("伊尔丝·瓦尔加将于6月30日卸任泊岸智能首席执行官，结束其长达9年的任期，并将以顾问身份留任至年底。", D)
    assert has(p, "tenure", "伊尔丝·瓦尔加", "9年"), show(p)
    # the day she leaves the post is its last (将于6月30日卸任), the adviser's year-end none
    assert [c.text for c in p.claims if c.predicate == "last_day"] == ["6月30日"], show(p)
    e = claims_of("Ilse Varga will remain at Orlen Robotics as an adviser until the end of the year.", D)
    assert not any(c.predicate == "last_day" for c in e.claims), show(e)
    s = claims_of("Ilse Varga will stay on until June 30, Orlen Robotics said.", D)
    assert has(s, "last_day", "Ilse Varga", "June 30"), show(s)


def test_annual_sales_in_money_are_revenue_and_sales_of_things_are_units():
    p = claims_of("Orlen Foods Inc said annual sales rose to $8.3 billion. It sold 3 million ovens.", D)
    assert has(p, "revenue", "Orlen Foods", "$8.3 billion"), show(p)
    assert not any(c.predicate == "sales" and c.kind == "money" for c in p.claims), show(p)


def test_a_value_whose_own_event_word_has_no_known_subject_goes_to_no_other_clause():
    """本轮融资后，公司估值达6亿美元: when 公司 could not be resolved, the valuation became the
    round's amount (a false contradiction with the round); names after 由 do not make a bare 公司
    ambiguous."""
    p = claims_of("泊岸智算近日完成3000万美元B轮融资，由翡翠创投领投。本轮融资后，公司估值达5亿美元。", D)
    assert has(p, "valuation", "泊岸智算", "5亿美元"), show(p)
    assert [c.text for c in p.claims if c.predicate == "funding"] == ["3000万美元"], show(p)
    q = claims_of("泊岸智算近日完成3000万美元B轮融资，翡翠创投和橡岭资本参投。本轮融资后，公司估值达5亿美元。", D)
    assert [c.text for c in q.claims if c.predicate == "funding"] == ["3000万美元"], show(q)


def compared(predicate: str, days: dict[str, dt.date] | None = None, **texts: str) -> tuple[list, list]:
    """The claims of `predicate` that articles (id=text, published on D or on `days[id]`) give,
    and the findings comparing them."""
    from verifier.rules.engine import compare
    from verifier.text.sources import read_source

    days = {k: (days or {}).get(k, D) for k in texts}
    prepared, _ = extract_sources([read_source(Path(f"{k}.txt"), {"published": days[k]}, text=t) for k, t in texts.items()],
                                  registry=[])
    claims = [c for p in prepared for c in p.claims if c.predicate == predicate]
    return claims, compare(claims, texts, days, {})


def test_figures_summed_over_two_different_periods_do_not_contradict():
    """September's deliveries against the quarter's: two figures, not one figure told twice."""
    claims, findings = compared("sales", a="Orlen Motors delivered 41,300 vehicles in the third quarter.",
                                b="泊岸汽车（Orlen Motors）9月交付15200辆，第三季度共交付41300辆。")
    assert len(claims) == 3, claims
    assert findings and all(f.verdict != "contradict" for f in findings), findings
    # the same period told differently is still a contradiction
    _, findings = compared("sales", a="Orlen Motors delivered 41,300 vehicles in the third quarter.",
                           b="泊岸汽车（Orlen Motors）第三季度共交付38000辆。")
    assert any(f.verdict == "contradict" for f in findings)


def test_a_forecast_is_no_figure_of_the_event_and_a_range_of_counts_is_one_value():
    p = claims_of("Orlen Motors delivered 41,300 vehicles in the quarter, above its guidance of 38,000 to "
                  "40,000 and analysts' estimates of 39,500. It expects to deliver between 45,000 and 48,000 "
                  "vehicles in the next quarter.", D)
    sales = [c.text for c in p.claims if c.predicate == "sales"]
    assert "41,300 vehicles" in sales and not any("38,000" in t or "39,500" in t for t in sales), show(p)
    assert any(c.value.bound == "between" and c.value.low == 45000 for c in p.claims if c.predicate == "sales"), show(p)
    z = claims_of("泊岸汽车第三季度交付41300辆，超出此前3.8万至4万辆的指引。", D)
    assert [c.text for c in z.claims if c.predicate == "sales"] == ["41300辆"], show(z)


def test_a_possessive_before_a_name_does_not_make_the_owner_the_subject():
    """"Its rival Helio Cell raised … at a $2 billion valuation" gave the valuation to the company
    "Its" stands for."""
    p = claims_of("Orlen Grid Inc raised $120 million. Its rival Varga Cell raised $200 million last month "
                  "at a $2 billion valuation. Orlen Grid's rival Kestrel Power Inc raised $90 million at a "
                  "$700 million valuation.", D)
    assert has(p, "valuation", "Varga Cell", "$2 billion") and has(p, "valuation", "Kestrel Power", "$700 million"), show(p)
    assert not any(c.subject == "Orlen Grid" and c.predicate == "valuation" for c in p.claims), show(p)


def test_headline_verbs_of_raising_money_and_what_they_do_not_raise():
    p = claims_of("Orlen Grid Inc lands $120 million. It last raised money in 2024, when it took in $45 million "
                  "at a valuation of $400 million.", D)
    funding = {c.text for c in p.claims if c.predicate == "funding"}
    assert {"$120 million", "$45 million"} <= funding, show(p)
    assert [c.text for c in p.claims if c.predicate == "valuation"] == ["$400 million"], show(p)
    q = claims_of("Orlen Grid Inc landed a contract worth $12 million and secured a $50 million loan.", D)
    assert not any(c.predicate == "funding" for c in q.claims), show(q)


def test_store_counts_and_a_bare_company_word_after_a_date():
    p = claims_of("Orlen Coffee Inc has more than 900 stores in Asia. It will close 40 stores this year.", D)
    assert [c.text for c in p.claims if c.predicate == "stores"] == ["more than 900 stores"], show(p)
    z = claims_of("泊岸咖啡成立于2015年，目前在全国拥有门店约900家。2023年公司营收约为12亿元。", D)
    assert has(z, "stores", "泊岸咖啡", "900家") and has(z, "revenue", "泊岸咖啡", "12亿元"), show(z)


def test_a_verb_or_relation_before_a_glossed_name_is_not_part_of_it():
    """任命林德奎斯特(Maya Lindqvist) made "任命林德奎斯特" a company, and the English name with it."""
    from verifier.text.sources import read_source

    en = read_source(Path("a.txt"), {"published": D}, text="Orlen Air named Ilse Varga as chief executive on Monday.")
    zh = read_source(Path("b.txt"), {"published": D},
                     text="泊岸航空（Orlen Air）周一任命瓦尔加（Ilse Varga）为首席执行官，前任转投竞争对手雀鹰航空（Kestrel Airways）。")
    _, index = extract_sources([en, zh], registry=[])
    varga = index.entities["Ilse Varga"]
    assert varga.type == "person" and "瓦尔加" in varga.aliases and not any("任命" in a for a in varga.aliases)
    assert not any("对手" in a for a in index.entities["Kestrel Airways"].aliases)


@pytest.mark.parametrize("text, latin, chinese", [
    ("人工智能公司商澜科技（Shanglan Tech）周一宣布。", "Shanglan Tech", "商澜科技"),  # 商 ends a descriptor only after a word
    ("芯片商晶耀（Lumora）周一宣布。", "Lumora", "晶耀"),
    ("该公司主要向雀鹰电子（Kestrel Electronics）供货。", "Kestrel Electronics", "雀鹰电子"),
    ("本轮由泊岸资本（Orlen Capital）领投。", "Orlen Capital", "泊岸资本"),
    ("转投竞争对手雀鹰航空（Kestrel Airways）。", "Kestrel Airways", "雀鹰航空"),
])
def test_the_chinese_name_of_a_gloss_starts_after_the_words_before_it(text, latin, chinese):
    from verifier.claims.entities import learn_article
    from verifier.text.fold import fold

    names = {n: aliases for n, kind, origin, aliases, *_ in learn_article(text, fold(text)).names if origin == "gloss"}
    assert chinese in names[latin] and not any(len(a) > len(chinese) for a in names[latin]), names


def test_a_group_word_ending_a_name_keeps_it_and_the_name_without_it_is_the_same_company():
    from verifier.text.sources import read_source

    en = read_source(Path("a.txt"), {"published": D}, text="Orlen Group Inc agreed to buy a 6% stake in Varda Labs.")
    zh = read_source(Path("b.txt"), {"published": D}, text="瓦尔达实验室（Varda Labs）获泊岸（Orlen）入股，泊岸持股约6%。")
    prepared, index = extract_sources([en, zh], registry=[])
    assert "Orlen Group" in index.entities and "Orlen" not in index.entities, list(index.entities)
    holders = {c.subject for p in prepared for c in p.claims if c.predicate == "stake"}
    assert holders == {"Orlen Group"}, [show(p) for p in prepared]


def test_a_name_after_huo_receives_and_is_not_the_subject():
    """晶耀获软银投资…公司估值达80亿美元: the company is valued, not the investor."""
    p = claims_of("晶片设计公司晶耀科技获日本软银集团投资5亿美元，公司估值因此达80亿美元。", D)
    assert has(p, "valuation", "晶耀科技", "80亿美元"), show(p)


def test_a_percentage_of_change_is_no_level_and_hong_kong_profit_words():
    """半年少赚三成 裁员约500人: 三成 is how much profit fell, not a share of staff laid off."""
    p = claims_of("泊岸物流半年少赚三成 裁员约500人", D)
    assert [c.text for c in p.claims if c.predicate == "layoffs"] == ["约500人"], show(p)
    q = claims_of("泊岸物流股东应占溢利按年跌31%至4.2亿港元，收入则微升2%至68亿港元。", D)
    assert has(q, "profit", "泊岸物流", "4.2亿港元") and has(q, "revenue", "泊岸物流", "68亿港元"), show(q)
    # the change is a claim of its own: a fall is negative
    assert has(q, "profit_change", "泊岸物流", "31%", value=-31) and has(q, "revenue_change", "泊岸物流", "2%", value=2), show(q)
    e = claims_of("Orlen Freight Inc said profit fell 31% and it would cut 6% of its workforce.", D)
    assert [c.text for c in e.claims if c.predicate == "layoffs"] == ["6%"], show(e)
    assert has(e, "profit_change", "Orlen Freight", "31%", value=-31), show(e)


def test_a_rise_and_a_fall_of_the_same_size_contradict():
    claims, findings = compared("revenue_change", a="Orlen Freight Inc said its revenue rose 4%.",
                                b="泊岸物流（Orlen Freight）表示，营收下降4%。")
    assert len(claims) == 2, claims
    assert any(f.verdict == "contradict" for f in findings)


def test_damages_awarded_are_the_payers_and_not_damages_sought():
    """"ordered X to pay $120 million in damages", 裁定X赔偿: a ruling X must pay, not what X asks for."""
    p = claims_of("A jury on Friday ordered Orlen Chips Inc to pay $120 million in damages to Varda Labs. "
                  "Varda Labs had sought about $310 million.", D)
    assert has(p, "damages_awarded", "Orlen Chips", "$120 million"), show(p)
    assert [c.text for c in p.claims if c.predicate == "damages"] == ["about $310 million"], show(p)
    z = claims_of("陪审团周五裁定，泊岸芯片（Orlen Chips）侵犯竞争对手瓦尔达实验室（Varda Labs）两项专利，须赔偿1.2亿美元。"
                  "瓦尔达实验室此前索赔约3.1亿美元。", D)
    assert has(z, "damages_awarded", "Orlen Chips", "1.2亿美元"), show(z)
    assert has(z, "damages", "Varda Labs", "3.1亿美元") and not has(z, "damages", "Orlen Chips", "1.2亿美元"), show(z)


def test_the_head_of_a_chinese_clause_is_its_first_name_unless_words_join_them():
    """X侵犯竞争对手Y的专利，须赔偿…: X must pay; X公司首席执行官Y表示 and X的新作Y keep Y."""
    p = claims_of("泊岸芯片（Orlen Chips）侵犯瓦尔达实验室（Varda Labs）的专利，须赔偿1.2亿美元。", D)
    assert has(p, "damages_awarded", "Orlen Chips", "1.2亿美元"), show(p)
    q = claims_of("泊岸游戏的动作新作《雾潮3》上周四上线，首周销量突破200万份。", D)
    assert has(q, "sales", "雾潮3", "200万份"), show(q)


def test_who_invests_takes_the_stake_and_who_receives_is_the_name_after_xiang():
    """X获Y投资…，取得约6%股权: Y holds the stake; Y向X投资: X receives the investment."""
    p = claims_of("泊岸资本成立于2010年。晶耀科技获日本泊岸资本投资5亿元，取得约6%股权，公司估值因此达80亿元。", D)
    assert has(p, "investment", "晶耀科技", "5亿元") and has(p, "stake", "泊岸资本", "6%"), show(p)
    assert has(p, "valuation", "晶耀科技", "80亿元"), show(p)
    q = claims_of("泊岸资本向晶耀科技投资5亿元，持股约6%。", D)
    assert has(q, "investment", "晶耀科技", "5亿元") and has(q, "stake", "泊岸资本", "6%"), show(q)


def test_hong_kong_words_for_the_opening_price_are_a_trading_price():
    """开市报12.3元，较招股价10元高开23%: 12.3 is where it opened, not its offer price."""
    p = claims_of("泊岸医疗今日在港交所上市，开市报12.3港元，较招股价10港元高开23%。", D)
    assert has(p, "share_price", "泊岸医疗", "12.3港元") and has(p, "offer_price", "泊岸医疗", "10港元"), show(p)
    assert not has(p, "offer_price", "泊岸医疗", "12.3港元"), show(p)


def test_earnings_per_share_and_changes_against_the_quarter_before():
    """EPS 8.2元 was read as the profit; "NT$8.20 per share" after a profit as an offer price;
    季增12.5% against a year-on-year 38.6% as one change."""
    p = claims_of("泊岸电子第三季税后纯益新台币2,130亿元，季增12.5%，年增38.6%，每股纯益8.2元。", D)
    assert has(p, "profit", "泊岸电子", "2,130亿元") and has(p, "eps", "泊岸电子", "8.2元"), show(p)
    changes = {(c.text, c.scope.get("of")) for c in p.claims if c.predicate == "profit_change"}
    assert changes == {("12.5%", "quarter on quarter"), ("38.6%", "year on year")}, show(p)
    e = claims_of("Orlen Chips Inc said net profit rose 38.6% to NT$213 billion, or NT$8.20 per share.", D)
    assert has(e, "eps", "Orlen Chips", "NT$8.20") and not any(c.predicate == "offer_price" for c in e.claims), show(e)
    t = claims_of("泊岸电子第三季获利创新高 EPS 8.2元", D)
    assert [c.predicate for c in t.claims if c.kind == "money"] == ["eps"], show(t)


def test_a_transliteration_glossed_with_one_word_names_whoever_the_word_names():
    """马罗温德(Marrowind): one Latin word glossing a transliteration is a company's name when the
    other articles show a company, a person's when they show a person."""
    from verifier.text.sources import read_source

    en = read_source(Path("a.txt"), {"published": D}, text="Orlenvia Inc will cut 300 jobs, chief executive Ilse Varga said.")
    zh = read_source(Path("b.txt"), {"published": D}, text="奥伦维亚（Orlenvia）将裁员300人，首席执行官瓦尔加（Varga）表示。")
    prepared, index = extract_sources([en, zh], registry=[])
    assert "奥伦维亚" in index.entities["Orlenvia"].aliases and index.entities["Orlenvia"].type == "org"
    assert "瓦尔加" in index.entities["Ilse Varga"].aliases
    assert {c.subject for p in prepared for c in p.claims if c.predicate == "layoffs"} == {"Orlenvia"}


def test_the_source_of_a_figure_is_not_its_subject_nor_listed_with_it():
    """"According to research firm X, Y sold…", 据研究机构X数据，Y…: Y's figure; X named in the
    clause before is neither the subject nor one of a list with it."""
    p = claims_of("According to research firm CanalWorks, Orlen Mobile Inc sold 48 million phones last year.", D)
    assert [c.subject for c in p.claims if c.predicate == "sales"] == ["Orlen Mobile"], show(p)
    z = claims_of("泊岸科技成立于2010年。据研究机构CanalWorks数据，去年销量达4800万部。", D)
    assert [c.subject for c in z.claims if c.predicate == "sales"] == ["泊岸科技"], show(z)


def test_a_product_s_price_and_its_sale_date():
    p = claims_of("Orlen Mobile Inc unveiled the Aero 5, which will go on sale on September 26 priced from $1,299.", D)
    assert has(p, "price", "Aero 5", "$1,299") and has(p, "launch", "Aero 5", "September 26"), show(p)
    z = claims_of("泊岸手机发布Aero 5手机，售价1299美元起，将于9月26日开售。", D)
    assert has(z, "price", "Aero 5", "1299美元") and has(z, "launch", "Aero 5", "9月26日"), show(z)
    ipo = claims_of("Orlen Robotics Inc priced its IPO at HK$9.80 a share.", D)
    assert not any(c.predicate == "price" for c in ipo.claims), show(ipo)


def test_the_people_layoffs_will_affect_are_the_layoffs_count():
    p = claims_of("Orlen Grid Inc said on Tuesday it would cut jobs. The layoffs, announced on Tuesday, will "
                  "affect 300 people.", D)
    assert has(p, "layoffs", "Orlen Grid", "300 people") and not any(c.predicate == "people_affected" for c in p.claims), show(p)


def test_a_one_word_gloss_merges_only_the_transliteration_it_glosses():
    """西加拉(Cygalra) may merge the text's own 西加拉 into whoever "Cygalra" names, never a person
    who owns the characters as one of her names; and an entity merged away after the people were
    indexed is no one's surname any more (a stale one crashed a 20,000-article run)."""
    from verifier.text.sources import read_source

    texts = ["Ines Cygalra of Orlen Labs said she would step down.",
             "伊内丝·西加拉（Ines Cygalra）表示将辞职。西加拉（Cygalra）此前在泊岸实验室任职。"]
    _, index = extract_sources([read_source(Path(f"{i}.txt"), {"published": D}, text=t) for i, t in enumerate(texts)],
                               registry=[])
    assert index.entities["Ines Cygalra"].type == "person" and "西加拉" in index.entities["Ines Cygalra"].aliases
    index.add("Tomas Cygalra", "person", "text")
    index._merge("Ines Cygalra", into="Orlen Labs")
    assert index.person_for_token("Cygalra") != "Ines Cygalra"


def test_a_description_prefers_the_organisation_its_noun_names():
    """"The bank" after a regulator fined a bank is the bank, though the regulator was the
    sentence's subject; and an organisation word may open a name (Financial Conduct Authority)."""
    p = claims_of("Britain's Financial Conduct Authority on Tuesday fined Marrow Street Bank £12 million. "
                  "The bank, which has about 3,100 employees, said it would not appeal.", D)
    assert has(p, "employees", "Marrow Street Bank", "3,100"), show(p)
    assert has(p, "fine", "Marrow Street Bank", "£12 million"), show(p)
    assert not any(c.subject == "Conduct Authority" for c in p.claims), show(p)


def test_what_would_have_been_is_not_claimed():
    p = claims_of("Orlen Grid Inc was fined $8 million on Tuesday. The fine would have been $11 million had it "
                  "not cooperated.", D)
    assert has(p, "fine", "Orlen Grid", "$8 million") and not has(p, "fine", "Orlen Grid", "$11 million"), show(p)
    z = claims_of("泊岸电网（Orlen Grid）周二被罚款800万美元，罚款原本应为1100万美元。", D)
    assert has(z, "fine", "Orlen Grid", "800万美元") and not has(z, "fine", "Orlen Grid", "1100万美元"), show(z)


def test_raising_wages_or_prices_is_no_funding_round():
    p = claims_of("Orlen Freight Inc agreed on Monday to raise wages by 6% this year.", D)
    assert not any(c.predicate == "funding" for c in p.claims), show(p)
    q = claims_of("Orlen Freight Inc will raise $40 million this year to expand production.", D)
    assert has(q, "funding", "Orlen Freight", "$40 million"), show(q)


def test_a_trade_among_the_staff_is_not_the_headcount():
    p = claims_of("Orlen Air Inc, which employs 1,800 pilots, said on Monday it would cut flights.", D)
    assert not any(c.predicate == "employees" for c in p.claims), show(p)
    q = claims_of("Orlen Air Inc, which employs about 9,000 people, said on Monday it would cut flights.", D)
    assert has(q, "employees", "Orlen Air", "9,000"), show(q)


def test_a_count_of_people_an_event_touches_in_chinese():
    z = claims_of("泊岸航空（Orlen Air）周三取消约900个航班，影响约12万名旅客。", D)
    assert has(z, "people_affected", "Orlen Air", "12万名"), show(z)


def test_a_bankruptcy_filing_its_date_debts_and_assets():
    p = claims_of("Orlen Home Inc filed for Chapter 11 bankruptcy protection on Sunday, listing liabilities of "
                  "$900 million and assets of $310 million.", D)
    assert has(p, "bankruptcy", "Orlen Home", "Sunday", start="2024-09-08"), show(p)
    assert has(p, "liabilities", "Orlen Home", "$900 million") and has(p, "assets", "Orlen Home", "$310 million"), show(p)
    assert not any(c.predicate == "ipo" for c in p.claims), show(p)
    z = claims_of("泊岸家居（Orlen Home）周日申请破产保护，列出负债约9亿美元，资产3.1亿美元。", D)
    assert has(z, "bankruptcy", "Orlen Home", "周日") and has(z, "liabilities", "Orlen Home", "9亿美元") \
        and has(z, "assets", "Orlen Home", "3.1亿美元"), show(z)
    sold = claims_of("Orlen Home Inc sold assets worth $200 million last year.", D)
    assert not any(c.predicate == "assets" for c in sold.claims), show(sold)


def test_stores_to_close_and_the_whole_they_are_part_of():
    """"close 40 of its 260 stores": 40 stores to close, 260 stores in all (exactly 260, not a
    total with the part's bounds, which made two articles' 260 disagree with each other)."""
    claims, findings = compared(
        "stores",
        a="Orlen Home Inc said on Monday it would close 40 of its 260 stores.",
        b="泊岸家居（Orlen Home）周一表示，将关闭旗下260家门店中的40家。")
    assert sorted(c.value.low for c in claims) == [260, 260], claims
    assert findings and all(f.verdict == "agree" for f in findings), findings
    z = claims_of("泊岸家居（Orlen Home）周一宣布关闭40家门店。", D)
    assert has(z, "store_closures", "Orlen Home", "40家"), show(z)
    deal = claims_of("Orlen Home Inc expects the deal to close in the first quarter.", D)
    assert not any(c.predicate == "store_closures" for c in deal.claims), show(deal)


def test_a_trade_word_after_an_organisation_word_is_a_category():
    """美国家具零售商Orlen Home: 零售商 (retailer) says what it is; no company named 国家具零售."""
    texts = ["Orlen Home Inc was founded in 1990.",
             "美国家具零售商Orlen Home关闭门店\n\n美国家具零售商Orlen Home成立于1990年，现有员工约3000人。"]
    from verifier.text.sources import read_source

    prepared, index = extract_sources([read_source(Path(f"{i}.txt"), {"published": D}, text=t)
                                       for i, t in enumerate(texts)], registry=[])
    assert not any("零售" in name for name in index.entities), sorted(index.entities)
    assert {c.subject for c in prepared[1].claims} == {"Orlen Home"}, show(prepared[1])


def test_a_chinese_description_of_the_company_is_its_subject():
    z = claims_of("泊岸制药（Orlen Pharma）周二公布业绩。这家总部位于苏黎世的制药公司第一季度营收为52亿美元。", D)
    assert has(z, "revenue", "Orlen Pharma", "52亿美元"), show(z)


def test_a_rise_by_a_percentage_is_a_change_not_a_level():
    p = claims_of("Orlen Pharma Inc said on Tuesday it would raise its quarterly dividend by 6% to 35 cents a share.", D)
    assert has(p, "dividend", "Orlen Pharma", "35 cents", amount=0.35), show(p)
    assert not any(c.predicate in ("stake", "funding", "offer_price") for c in p.claims), show(p)
    z = claims_of("泊岸制药（Orlen Pharma）将季度股息提高6%至每股0.35美元。", D)
    assert has(z, "dividend", "Orlen Pharma", "0.35美元") and not any(c.predicate == "stake" for c in z.claims), show(z)


def test_a_share_buyback_is_not_an_acquisition():
    p = claims_of("Orlen Pharma Inc said on Tuesday it would buy back up to $3 billion of its shares.", D)
    assert has(p, "buyback", "Orlen Pharma", "$3 billion") and not any(c.predicate == "acquisition" for c in p.claims), show(p)
    z = claims_of("泊岸制药（Orlen Pharma）周二宣布将回购最多30亿美元股票。", D)
    assert has(z, "buyback", "Orlen Pharma", "30亿美元"), show(z)


def test_what_a_product_brings_in_and_its_change():
    """"brought in $1.4 billion, up 32%": a product's revenue and its change (the change reads
    every word revenue reads)."""
    claims, findings = compared(
        "revenue_change",
        a="Orlen Pharma Inc reported results on Tuesday. Its cancer drug Orlenza brought in $900 million in the "
          "quarter, up 14% from a year earlier.",
        b="Orlen Pharma Inc reported results on Tuesday. Its cancer drug Orlenza brought in $900 million in the "
          "quarter, up 41% from a year earlier.")
    assert [c.subject for c in claims] == ["Orlenza", "Orlenza"], claims
    assert any(f.verdict == "contradict" for f in findings), findings


def test_a_ranking_s_period_is_not_the_event_s_day():
    p = claims_of("Orlen Chips Inc raised NT$4 billion in its listing on Thursday, the largest on the exchange this year.", D)
    assert has(p, "ipo", "Orlen Chips", "Thursday") and not has(p, "ipo", "Orlen Chips", "this year"), show(p)


def test_a_contract_won_its_value_and_day():
    p = claims_of("Orlen Defence Inc has won a $1.9 billion contract to supply radars, the ministry said on Monday.", D)
    assert has(p, "contract", "Orlen Defence", "$1.9 billion") and has(p, "contract", "Orlen Defence", "Monday"), show(p)
    assert not any(c.predicate == "funding" for c in p.claims), show(p)
    z = claims_of("泊岸防务（Orlen Defence）周一赢得一份价值19亿美元的合同。", D)
    assert has(z, "contract", "Orlen Defence", "19亿美元"), show(z)
    won = claims_of("Orlen Defence Inc won $40 million in new funding on Monday.", D)
    assert not any(c.predicate == "contract" for c in won.claims), show(won)


def test_when_things_were_made_is_not_the_event_s_date():
    p = claims_of("Orlen Motors Inc is recalling 9,000 cars built between 2022 and 2024, it said on Monday.", D)
    assert has(p, "recall", "Orlen Motors", "Monday") and not has(p, "recall", "Orlen Motors", "2022"), show(p)
    z = claims_of("泊岸汽车（Orlen Motors）周一宣布召回9000辆汽车，涉及2022年至2024年生产的车型。", D)
    assert has(z, "recall", "Orlen Motors", "周一") and not has(z, "recall", "Orlen Motors", "2022"), show(z)


def test_a_settlement_of_a_suit_dates_the_settlement_not_the_suit():
    z = claims_of("泊岸健康（Orlen Health）周二同意支付3.2亿美元，就一宗集体诉讼达成和解。", D)
    assert has(z, "settlement", "Orlen Health", "周二") and not any(c.predicate == "lawsuit" for c in z.claims), show(z)
    filed = claims_of("泊岸健康（Orlen Health）周二提起诉讼，指控竞争对手侵权。", D)
    assert has(filed, "lawsuit", "Orlen Health", "周二"), show(filed)


def test_pay_is_a_person_s_and_what_is_worth_an_amount_is_not_always_the_company():
    p = claims_of("Orlen Motors Inc chief executive Rhea Tan received a pay package worth $31 million last year.", D)
    assert has(p, "compensation", "Rhea Tan", "$31 million") and not any(c.predicate == "valuation" for c in p.claims), show(p)
    worth = claims_of("Orlen Motors Inc, now worth $31 billion, said on Monday it would cut jobs.", D)
    assert has(worth, "valuation", "Orlen Motors", "$31 billion"), show(worth)
    z = claims_of("泊岸汽车（Orlen Motors）首席执行官谭丽雅（Rhea Tan）去年薪酬为3100万美元。", D)
    assert has(z, "compensation", "Rhea Tan", "3100万美元"), show(z)  # (去年薪酬: 年薪 across the date is no word)


def test_a_results_story_states_its_period_once():
    """"In the second quarter" in the lead: the next sentence's revenue is the quarter's too, and a
    quarter's figure is not contradicted by a figure of no stated period (maybe a year's)."""
    p = claims_of("Orlen Stream Inc said its net loss narrowed to $80 million in the second quarter. "
                  "Revenue grew 20% to $700 million.", D)
    revenue = [c for c in p.claims if c.predicate == "revenue"]
    assert revenue and revenue[0].scope.get("when") == "2024-04-01/2024-06-30", show(p)
    claims, findings = compared("revenue", a="Orlen Stream Inc said its net loss narrowed to $80 million in the "
                                "second quarter. Revenue grew 20% to $700 million.",
                                b="Orlen Stream Inc has revenue of about $2.6 billion.")
    assert len(claims) == 2 and findings and all(f.verdict != "contradict" for f in findings), findings
    last = claims_of("Orlen Stream Inc's revenue was about $2.6 billion last year, analysts said.", D)
    assert [c.scope.get("when") for c in last.claims if c.predicate == "revenue"] == ["2023-01-01/2023-12-31"], show(last)


def test_a_rise_by_a_multiple_is_compared_with_one_in_percent():
    claims, findings = compared("profit_change",
                                a="Orlen Pharma Inc said second-quarter net profit rose 150% to $1.2 billion.",
                                b="泊岸制药（Orlen Pharma）第二季度净利润同比增长1.5倍，至12亿美元。",
                                c="泊岸制药（Orlen Pharma）第二季度净利润翻倍。")
    assert sorted(c.value.value for c in claims) == [100, 150, 150], claims
    assert any(f.verdict == "agree" and set(f.sources) == {"a", "b"} for f in findings), findings
    assert any(f.verdict == "contradict" and "c" in f.sources for f in findings), findings


def test_a_post_held_since_a_year_dates_no_departure_and_retiring_is_leaving():
    p = claims_of("Maya Reyes, chief executive of Orlen Labs since 2019, said on Monday she would retire in June.", D)
    # (the month she leaves in is her last day's: the departure to come)
    assert has(p, "last_day", "Maya Reyes", "June") and not any("2019" in c.text for c in p.claims), show(p)
    z = claims_of("泊岸实验室（Orlen Labs）首席执行官雷耶斯（Maya Reyes）周一宣布将于6月退休。", D)
    assert has(z, "last_day", "Maya Reyes", "6月"), show(z)


def test_the_day_a_departure_was_told_and_the_later_day_it_takes_effect_agree():
    # the day it was told is the departure's, the later day it takes effect the last day's: two
    # predicates, never compared
    texts = dict(a="Orlen Labs chief executive Maya Reyes will step down in June, the company said.",
                 b="Orlen Labs chief executive Maya Reyes announced her resignation on Monday.")
    told, _ = compared("departure", **texts)
    effective, _ = compared("last_day", **texts)
    assert [c.source for c in told] == ["b"] and [c.source for c in effective] == ["a"], (told, effective)
    # a launch that happened and one still to come still contradict
    _, launched = compared("launch", a="Orlen Labs launched the Aero 5 phone last Thursday.",
                           b="Orlen Labs will launch the Aero 5 phone next week.")
    assert launched and launched[0].verdict == "contradict", launched


def test_figures_of_two_fiscal_years_are_two_figures():
    claims, findings = compared("revenue", a="Orlen Retail Inc reported revenue of $4.1 billion in fiscal 2025.",
                                b="Orlen Retail Inc had revenue of $3.6 billion in FY2024.",
                                c="泊岸零售（Orlen Retail）2024财年营收为36亿美元。")
    assert sorted(c.scope.get("when", "")[:4] for c in claims) == ["2024", "2024", "2025"], claims
    assert findings and not any(f.verdict == "contradict" for f in findings), findings


def test_an_english_given_name_with_a_chinese_surname_glosses_a_person():
    """黄思琳（Celia Wong）: a Hong Kong name (English given name, Cantonese surname) is a person,
    not a company; 陈立勋（Chen Li-hsun） still by its romanisation."""
    z = claims_of("泊岸资本（Orlen Capital）周一任命黄思琳（Celia Wong）为首席执行官。", D)
    assert has(z, "appointed", "Celia Wong", "周一"), show(z)
    t = claims_of("港峰資本（Harbor Peak Capital）週一委任蔡嘉慧（Joanne Choi）為行政總裁。", D)
    assert has(t, "appointed", "Joanne Choi", "週一"), show(t)


def test_an_event_word_before_de_describes_the_name_after_it():
    z = claims_of("她接替任职12年的马丁·凯尔（Martin Kell）出任首席执行官。", D)
    assert has(z, "tenure", "Martin Kell", "12年"), show(z)
    f = claims_of("成立于2015年的泊岸科技（Orlen Tech）周一宣布裁员300人。", D)
    assert has(f, "founded", "Orlen Tech", "2015年"), show(f)


def test_a_fiscal_year_to_a_day_dates_the_figures_after_it():
    """截至3月31日的财年，…由上年的4.55亿美元增至6.1亿美元: the fronted period dates the profit;
    上年 is the earlier figure's alone (before, it dated both, and the year after)."""
    claims, findings = compared("profit",
                                a="Orlen Panels Inc said net profit for the year ended March 31 rose to $610 million.",
                                b="泊岸面板（Orlen Panels）表示，截至3月31日的财年，公司净利润由上年的4.55亿美元增至6.1亿美元。")
    whens = {c.text: c.scope.get("when") for c in claims}
    assert whens["$610 million"] == whens["6.1亿美元"] and whens["$610 million"].endswith("-03-31"), whens
    assert any(f.verdict == "agree" for f in findings), findings


def test_moves_of_a_share_price_are_compared_within_one_session():
    claims, findings = compared("share_price_change",
                                a="Orlen Foods Inc's shares rose 4.5% in afternoon trading.",
                                b="泊岸食品（Orlen Foods）股价午后上涨4.5%。",
                                c="Orlen Foods Inc shares closed 2.1% lower.",
                                d="泊岸食品（Orlen Foods）股价收跌2.1%。")
    assert sorted(c.value.value for c in claims) == [-2.1, -2.1, 4.5, 4.5], claims
    assert len(findings) == 2 and all(f.verdict == "agree" for f in findings), findings  # no intraday vs close
    _, wrong_way = compared("share_price_change", a="Orlen Foods Inc shares closed 2.1% lower.",
                            b="Orlen Foods Inc shares closed 2.1% higher.")
    assert wrong_way and wrong_way[0].verdict == "contradict", wrong_way


def test_cash_held_is_not_cash_paid():
    p = claims_of("Orlen Foods Inc had $4.1 billion in cash at the end of June.", D)
    assert has(p, "cash", "Orlen Foods", "$4.1 billion"), show(p)
    z = claims_of("截至6月30日，泊岸食品（Orlen Foods）在手现金为412亿元。", D)
    assert has(z, "cash", "Orlen Foods", "412亿元"), show(z)
    paid = claims_of("Orlen Foods Inc agreed to buy Brightlake Inc for $1.8 billion in cash.", D)
    assert not any(c.predicate == "cash" for c in paid.claims), show(paid)


def test_moves_told_on_two_days_are_two_moves():
    claims, findings = compared("share_price_change", days={"mon": dt.date(2024, 9, 9), "wed": dt.date(2024, 9, 11)},
                                mon="Orlen Foods Inc shares closed 2.1% lower.", wed="Orlen Foods Inc shares closed 3% higher.")
    assert len(claims) == 2 and not any(f.verdict == "contradict" for f in findings), findings


def test_a_name_and_a_capital_letter_is_a_product():
    p = claims_of("Orlen Mobile Inc on Tuesday unveiled the Aero X, its first folding phone, priced from $1,299.", D)
    assert has(p, "launch", "Aero X", "Tuesday") and has(p, "price", "Aero X", "$1,299"), show(p)
    r = claims_of("Orlen Mobile Inc raised $40 million in a Series B round on Tuesday.", D)
    assert has(r, "funding", "Orlen Mobile", "$40 million") and not any(c.subject == "Series B" for c in r.claims), show(r)


def test_a_description_with_a_number_in_it_is_the_company():
    p = claims_of("Orlen Foods Inc said on Monday it would sell a unit. The 120-year-old company employs about 9,000 people.", D)
    assert has(p, "employees", "Orlen Foods", "9,000"), show(p)


@pytest.mark.parametrize("text", [
    "Maya Reyes, 63, will retire at the end of the year.",
    "Orlen Labs named Maya Reyes, aged 63, as chief executive.",
    "The 63-year-old chief executive Maya Reyes will retire.",
    "63岁的雷耶斯（Maya Reyes）将于年底退休。",
    "现年63岁的首席执行官雷耶斯（Maya Reyes）将退休。",
    "首席执行官雷耶斯（Maya Reyes）今年63岁。",
])
def test_an_age_is_when_the_person_was_born(text):
    p = claims_of(text, D)
    born = [c for c in p.claims if c.predicate == "born"]
    assert [(c.subject, c.value.start, c.value.end) for c in born] == [("Maya Reyes", "1960-09-13", "1961-09-12")], show(p)


def test_ages_of_two_days_fit_a_birthday_between_and_others_do_not():
    def findings(age_a, day_a, age_b, day_b):
        return compared("born", days={"a": day_a, "b": day_b}, a=f"Maya Reyes, {age_a}, will retire.",
                        b=f"Maya Reyes, {age_b}, will retire.")[1]

    assert findings(63, dt.date(2024, 3, 1), 64, dt.date(2024, 11, 1))[0].verdict == "compatible"
    assert findings(63, dt.date(2024, 3, 1), 66, dt.date(2024, 3, 2))[0].verdict == "contradict"
    assert findings(63, dt.date(2024, 3, 1), 63, dt.date(2024, 3, 1))[0].verdict == "agree"


def test_a_quote_s_speaker_is_the_name_before_the_appositive():
    """'"…," Ilse Varga, chief executive of Orlen Grid, told reporters': Varga speaks; and the
    organisation after "chief executive of" is a company, though its name reads like a person's."""
    p = claims_of("“We are not for sale,” Ilse Varga, chief executive of Orlen Grid, told reporters on Monday.", D)
    assert [c.subject for c in p.claims if c.predicate == "said"] == ["Ilse Varga"], show(p)
    q = claims_of("“We are not for sale,” Ilse Varga, a colleague of Tomas Reyes, said on Monday.", D)
    assert [c.subject for c in q.claims if c.predicate == "said"] == ["Ilse Varga"], show(q)


def test_a_product_named_after_its_kind_and_owned_by_a_company():
    """"approved Corivan Therapeutics' obesity pill Lumaslim": the pill is approved (past its
    owner, a plural's possessive), a name after "pill"/减肥药 is a product's, and "would cost $499"
    is a price (a noun's word used as a verb is not the noun)."""
    p = claims_of("The FDA on Tuesday approved Orlen Therapeutics' obesity pill Lumaslim. Orlen said Lumaslim would "
                  "cost $499 a month and go on sale in June.", D)
    assert has(p, "approval", "Lumaslim", "Tuesday") and has(p, "price", "Lumaslim", "$499"), show(p)
    assert not any(c.predicate == "cost" for c in p.claims), show(p)
    z = claims_of("泊岸医疗（Orlen Therapeutics）的口服减肥药Lumaslim周二获批，将于6月上市。", D)
    assert has(z, "approval", "Lumaslim", "周二") and has(z, "launch", "Lumaslim", "6月"), show(z)
    assert not any(c.predicate == "ipo" for c in z.claims), show(z)


def test_jobs_that_will_go_and_a_cut_word_ending_in_a_change_word():
    p = claims_of("Orlen Freight Inc said on Tuesday that about 1,200 jobs will go.", D)
    assert has(p, "layoffs", "Orlen Freight", "1,200 jobs"), show(p)
    z = claims_of("泊岸货运（Orlen Freight）将裁减约10%员工。", D)  # (减 ends 裁减: a cut of staff, not a fall)
    assert has(z, "layoffs", "Orlen Freight", "10%"), show(z)
    f = claims_of("泊岸制药（Orlen Pharma）净利润同比减少12%。", D)
    assert has(f, "profit_change", "Orlen Pharma", "12%", value=-12), show(f)


def test_the_level_after_a_change_is_the_changed_figure_s():
    """"profit … fell 31% from a year earlier to HK$4.86 billion, while revenue dropped": the
    amount after "to" is the profit's, though the next clause's revenue is nearer."""
    p = claims_of("Orlen Estates Ltd said its profit attributable to shareholders for the six months to June 30 fell 31% "
                  "from a year earlier to HK$4.86 billion, while revenue dropped 12% to HK$31.2 billion.", D)
    assert has(p, "profit", "Orlen Estates", "HK$4.86 billion") and has(p, "revenue", "Orlen Estates", "HK$31.2 billion"), show(p)
    assert not has(p, "revenue", "Orlen Estates", "HK$4.86 billion"), show(p)


def test_a_figure_at_a_company_is_the_company_s():
    p = claims_of("Pre-tax profits at Orlen Retail plc fell 18 per cent to £312m in the year to March.", D)
    assert has(p, "profit", "Orlen Retail", "£312m") and has(p, "profit_change", "Orlen Retail", "18 per cent", value=-18), show(p)


def test_time_in_office_and_as_chief_executive_is_tenure():
    p = claims_of("Finance Minister Clara Voss resigned on Friday after 18 months in office, the government said.", D)
    assert has(p, "tenure", "Clara Voss", "18 months") and has(p, "departure", "Clara Voss", "Friday"), show(p)
    q = claims_of("Ilse Varga stepped down after 11 years as chief executive.", D)
    assert has(q, "tenure", "Ilse Varga", "11 years"), show(q)


def test_a_generic_description_is_not_steered_by_a_name():
    """"The group" after an investor named "SoftBank Group" is still the article's company: only a
    description that says what kind (the bank, the airline) prefers a name with that word."""
    p = claims_of("Orlen Holdings Ltd raised $40 million from SoftBank Group on Monday. The group has about 900 employees.", D)
    assert has(p, "employees", "Orlen Holdings", "900"), show(p)


def test_a_deal_s_zuojia_is_its_price_not_a_valuation():
    z = claims_of("泊岸电子（Orlen Electronics）拟以总作价约120亿港元收购光迅科技（Guangxun Tech）。", D)
    assert has(z, "acquisition", "Guangxun Tech", "120亿港元") and not any(c.predicate == "valuation" for c in z.claims), show(z)
    # the price per share is the bought company's shares'
    p = claims_of("泊岸电子（Orlen Electronics）拟收购光迅科技（Guangxun Tech），收购价为每股45港元。", D)
    assert has(p, "offer_price", "Guangxun Tech", "45港元"), show(p)


def test_a_change_against_the_month_before_is_a_figure_of_its_own():
    """Taiwan's monthly revenue: 月增8.2%，年增31.5% — only the year-on-year change is compared
    with another source's "rose 31.5% from a year earlier"."""
    claims, findings = compared("revenue_change",
                                a="晶川電子（Jingchuan Electronics）公布10月營收新台幣214.6億元，月增8.2%，年增31.5%。",
                                b="Jingchuan Electronics said October revenue rose 31.5% from a year earlier to NT$21.46 billion.")
    assert sorted((c.value.value, c.scope.get("of")) for c in claims) == [
        (8.2, "month on month"), (31.5, "year on year"), (31.5, "year on year")], claims
    assert [f.verdict for f in findings] == ["agree"], findings


def test_a_second_change_compared_with_a_year_before_shares_the_first_s_direction():
    p = claims_of("Orlen Motors Inc said third-quarter revenue rose 5% sequentially and 30% from a year earlier.", D)
    changes = sorted((c.value.value, c.scope.get("of")) for c in p.claims if c.predicate == "revenue_change")
    assert changes == [(5, "quarter on quarter"), (30, "year on year")], show(p)
    f = claims_of("Orlen Motors Inc said third-quarter revenue fell 5% sequentially and 12% from a year earlier.", D)
    assert sorted(c.value.value for c in f.claims if c.predicate == "revenue_change") == [-12, -5], show(f)


def test_an_investor_named_only_between_huo_and_its_investment():
    """获腾讯投资2亿元 with 腾讯 never glossed or named elsewhere: 腾讯 is an organisation (the
    investor), and the company receives the investment; 获得政府投资 names no one."""
    for text in ("泊岸智能（Orlen AI）周一宣布获腾讯投资2亿元。", "泊岸智能（Orlen AI）获得腾讯2亿元战略投资。"):
        z = claims_of(text, D)
        assert has(z, "investment", "Orlen AI", "2亿元"), show(z)
    from verifier.text.sources import read_source

    _, index = extract_sources([read_source(Path("a.txt"), {"published": D}, text="泊岸智能（Orlen AI）获得政府投资2亿元。")],
                               registry=[])
    assert "政府" not in index.entities


@pytest.mark.parametrize("text,words", [
    ("Orlen Phone Inc holds 23% of the Indian smartphone market, according to Canalys.", "23%"),
    ("Orlen Phone Inc has a 23% share of the Indian smartphone market.", "23%"),
    ("Orlen Phone Inc's share of the Indian smartphone market rose to 23%.", "23%"),
    ("泊岸手机（Orlen Phone）在印度智能手机市场的份额为23%。", "23%"),
])
def test_a_share_of_a_market_in_its_usual_words(text, words):
    p = claims_of(text, D)
    assert has(p, "market_share", "Orlen Phone", words), show(p)


def test_a_share_of_a_company_or_a_share_s_move_is_no_market_share():
    for text in ("Orlen Phone Inc shares rose 4.5%.", "Orlen Phone Inc bought a 5% share of Brightlake Inc."):
        p = claims_of(text, D)
        assert not any(c.predicate == "market_share" for c in p.claims), show(p)


def test_the_period_of_results_dates_no_event():
    p = claims_of("Orlen Phone Inc was fined $5 million on Tuesday. The fine will be booked in its results for the "
                  "first half of 2025.", D)
    assert has(p, "fine", "Orlen Phone", "Tuesday") and not has(p, "fine", "Orlen Phone", "first half"), show(p)
    q = claims_of("Orlen Phone Inc accounts for 23% of the Indian smartphone market.", D)
    assert has(q, "market_share", "Orlen Phone", "23%"), show(q)


def test_the_holder_of_shares_is_before_the_verb_of_holding():
    """X持有Y 5.1%的股份: X holds the stake (Y, right before the shares, is the company they are
    of), as "X owns 5.1% of Y" reads in English."""
    claims, findings = compared("stake", a="泊岸资本（Orlen Capital）持有光迅科技（Guangxun Tech）5.1%的股份。",
                                b="Orlen Capital, which owns 5.1% of Guangxun Tech, said on Monday it would sell its stake.")
    assert [c.subject for c in claims] == ["Orlen Capital", "Orlen Capital"], claims
    assert findings and findings[0].verdict == "agree", findings


@pytest.mark.parametrize("text", [
    "Tessary, the Lisbon-based payments startup, was valued at $2.1 billion on Monday.",
    "Tessary, a payments company founded in 2019, was valued at $2.1 billion on Monday.",
    "Tessary, the payments firm backed by SoftBank, was valued at $2.1 billion on Monday.",
])
def test_a_name_opening_a_sentence_is_a_company_when_described_as_one(text):
    """A one-word name seen only at the start of sentences is no name by itself; a description
    right after it ("X, the … startup,") says it is a company's."""
    p = claims_of(text, D)
    assert has(p, "valuation", "Tessary", "$2.1 billion"), show(p)


@pytest.mark.parametrize("text", [
    "Tessary, the company's chief executive, said revenue was $2.1 billion.",
    "Tessary, a former startup adviser, said revenue was $2.1 billion.",
    "Tessary, a property developer, said revenue was $2.1 billion.",
])
def test_a_person_described_by_a_post_or_a_trade_is_no_company(text):
    from verifier.claims.entities import learn_article

    learned = learn_article(text, text.lower())
    assert not any(n == "Tessary" and t == "org" for n, t, *_ in learned.names), learned.names


def test_a_value_sought_is_compared_with_aims_not_with_what_came_of_it():
    """"is seeking a valuation of about $5 billion" and "was valued at $4.2 billion": an aim
    and its outcome. Two different aims still contradict, and so do two outcomes."""
    sought = "Orlen Grid Inc is seeking a valuation of about $5 billion in its new round."
    claims, findings = compared("valuation", a=sought, b="Orlen Grid Inc was valued at $4.2 billion in its new round.")
    assert [c.scope.get("tense") for c in claims] == ["sought", None], claims
    assert findings and findings[0].verdict == "compatible" and findings[0].reason == "aim", findings
    _, findings = compared("valuation", a=sought, b="泊岸电网（Orlen Grid）原计划以约80亿美元估值融资。")
    assert findings and findings[0].verdict == "contradict", findings
    # an aim word inside a quote the clause holds is the speaker's, not the value's
    p = claims_of("他表示，“我决定在泊岸电网寻求新的目标，并与同事一起研究。”而去年新加入的泊岸电网（Orlen Grid）"
                  "产品负责人Peter Deng也宣布离职。", D)
    assert [c.scope.get("tense") for c in p.claims if c.predicate == "joined"] == [None], show(p)
    _, findings = compared("valuation", a="Orlen Grid Inc was valued at $5 billion in its new round.",
                           b="Orlen Grid Inc was valued at $4.2 billion in its new round.")
    assert findings and findings[0].verdict == "contradict", findings


@pytest.mark.parametrize("text", [
    "Orlen Telecom Ltd said hackers had stolen personal data belonging to about 4.3 million customers.",
    "Orlen Telecom Ltd said the breach exposed the records of some 4.3 million customers.",
])
def test_customers_whose_data_a_breach_reached_are_people_affected_not_the_customer_count(text):
    p = claims_of(text, D)
    assert has(p, "people_affected", "Orlen Telecom", "4.3 million customers"), show(p)
    assert not any(c.predicate == "customers" for c in p.claims), show(p)


def test_a_kind_of_company_opening_a_headline_is_not_part_of_its_name():
    from verifier.claims.entities import learn_article

    text = "Telco Orlenwave fined over leak\n\nOrlenwave Communications Ltd was fined on Monday."
    learned = learn_article(text, text.lower())
    assert not any(n.startswith("Telco") for n, *_ in learned.names), learned.names


def test_worth_is_a_valuation_only_of_the_company_it_follows():
    p = claims_of("The state offered incentives worth about $410 million to Orlen Grid Inc.", D)
    assert not any(c.predicate == "valuation" for c in p.claims), show(p)
    for text in ("Orlen Grid Inc, worth about $4 billion, said on Monday it would list.",
                 "Orlen Grid Inc is now worth about $4 billion."):
        p = claims_of(text, D)
        assert has(p, "valuation", "Orlen Grid", "about $4 billion"), show(p)


def test_a_workforce_to_come_is_not_today_s_headcount():
    """"a plant that will employ about 2,400 people" and "employs more than 9,000 people": a
    size to come and today's, not two accounts of one figure."""
    claims, findings = compared("employees", a="Orlen Cells Inc will build a plant that will employ about 2,400 people.",
                                b="Orlen Cells Inc employs more than 9,000 people worldwide.")
    assert [c.scope.get("when") for c in claims] == ["planned", None], claims
    assert findings and all(f.verdict == "compatible" for f in findings), findings
    _, findings = compared("employees", a="泊岸电池（Orlen Cells）的新工厂预计将雇用约2400名员工。",
                           b="Orlen Cells Inc will build a plant that will employ about 3,000 people.")
    assert findings and findings[0].verdict == "contradict", findings


def test_a_ban_from_a_post_is_no_time_in_it():
    p = claims_of("Victor Lam was also banned from serving as a company director for 15 years.", D)
    assert not any(c.predicate == "tenure" for c in p.claims), show(p)


def test_a_name_before_a_comma_does_not_own_the_next_clause_s_group():
    """泊岸食品旗下拥有Brightmeadow等品牌，员工约3.1万人: the staff are the company's, not the brand's."""
    p = claims_of("泊岸食品（Orlen Foods）旗下拥有Brightmeadow Brands等品牌，员工约3.1万人。", D)
    assert [c.subject for c in p.claims if c.predicate == "employees"] == ["Orlen Foods"], show(p)


def test_what_a_person_received_as_funding_is_no_pay():
    p = claims_of("Tomas Brayne received $12 million in funding from Orlen Capital Inc.", D)
    assert not any(c.predicate == "compensation" for c in p.claims), show(p)


def test_the_votes_of_no_one_are_no_share_against():
    p = claims_of("Orlen Foods Ltd opposed the merger, which would have raised prices by 8%.", D)
    assert not any(c.predicate == "votes_against" for c in p.claims), show(p)


@pytest.mark.parametrize("text", [
    "Orlen Phone Inc's share of the global smartphone market stood at 19%, behind Apple's 21%.",
    "第二季度泊岸手机（Orlen Phone）的全球市场份额为19%，落后于Brightlake Inc的21%。",
])
def test_a_figure_compared_with_as_another_s_is_not_the_subject_s(text):
    p = claims_of(text, D)
    shares = [c.text for c in p.claims if c.predicate == "market_share" and c.subject == "Orlen Phone"]
    assert shares == ["19%"], show(p)


def test_a_figure_compared_with_the_subject_s_own_earlier_one_is_kept():
    """高于去年同期的160万台 names no other thing: the subject's own earlier figure."""
    p = claims_of("泊岸手机（Orlen Phone）首周销量达210万台，高于上一代产品去年同期的160万台。", D)
    assert [c.text for c in p.claims if c.predicate == "sales"] == ["210万台"], show(p)
    q = claims_of("泊岸手机（Orlen Phone）2025年营收为6.1亿美元，高于2024年的4.4亿美元。", D)
    assert [c.text for c in q.claims if c.predicate == "revenue" and c.value.kind == "money"] == ["6.1亿美元", "4.4亿美元"], show(q)


def test_shipping_units_is_selling_them_not_a_launch():
    p = claims_of("Orlen Phone Inc expects to ship 18 million units of the Halo X by the end of the year.", D)
    assert not any(c.predicate == "launch" for c in p.claims), show(p)
    assert [c.scope.get("tense") for c in p.claims if c.predicate == "sales"] == ["sought"], show(p)  # (a forecast)
    q = claims_of("Orlen Phone Inc said the Halo X ships in March.", D)
    assert any(c.predicate == "launch" for c in q.claims), show(q)


@pytest.mark.parametrize("text", [
    "Sorvale Health Inc has agreed to acquire Penrock Diagnostics Inc for $52 per share in cash.",
    "索韦尔健康（Sorvale Health）以每股52美元现金收购化验公司Penrock Diagnostics Inc，交易价值约48亿美元。",
])
def test_a_takeover_s_price_per_share_is_the_bought_company_s(text):
    p = claims_of(text, D)
    assert [(c.subject, c.text) for c in p.claims if c.predicate == "offer_price"] == [("Penrock Diagnostics", c.text) for c in p.claims if c.predicate == "offer_price"] != [], show(p)
    assert all("52" in c.text for c in p.claims if c.predicate == "offer_price"), show(p)


def test_cost_savings_are_no_cost():
    for text in ("Orlen Health Inc said it expects $180 million in annual cost savings.",
                 "泊岸健康（Orlen Health）预计每年可节省成本1.8亿美元。"):
        p = claims_of(text, D)
        assert not any(c.predicate == "cost" for c in p.claims), show(p)
    p = claims_of("Orlen Health Inc put the cost of the recall at $180 million.", D)
    assert has(p, "cost", "Orlen Health", "$180 million"), show(p)


def test_wancheng_alone_closes_a_deal_told_before_but_not_a_round():
    p = claims_of("索韦尔健康（Sorvale Health）以每股52美元收购Penrock Diagnostics Inc。交易已获双方董事会批准，"
                  "预计于2027年上半年完成。", D)
    assert has(p, "deal_close", "Penrock Diagnostics", "2027年上半年"), show(p)
    assert not any(c.predicate == "approval" for c in p.claims), show(p)
    q = claims_of("索韦尔健康（Sorvale Health）收购Penrock Diagnostics Inc。该公司去年完成B轮融资。", D)
    assert not any(c.predicate == "deal_close" for c in q.claims), show(q)


@pytest.mark.parametrize("text, words", [
    ("Rival Orvane Nimbus, by contrast, swung to a loss of $310 million.", "$310 million"),
    ("其竞争对手Orvane Nimbus同日公布季度亏损3.1亿美元。", "3.1亿美元"),
])
def test_a_kind_of_company_before_a_name_makes_it_one_even_inside_the_run(text, words):
    """"Orvane Nimbus" reads like a person's name; "Rival", 竞争对手 say it is a company's."""
    p = claims_of(text, D)
    assert has(p, "loss", "Orvane Nimbus", words), show(p)


def test_a_semicolon_ends_what_a_figure_before_it_is_of():
    p = claims_of("泊岸芯片（Orlen Chips）第三季度营收为94亿美元，同比增长22%；净利润为21亿美元。", D)
    assert has(p, "revenue_change", "Orlen Chips", "22%"), show(p)
    assert not any(c.predicate == "profit_change" for c in p.claims), show(p)


def test_an_offering_s_size_is_no_price_per_share():
    p = claims_of("Shares of Qingrun Bio Ltd opened 18% above their offer price after the retail portion of its "
                  "HK$1.55 billion initial public offering was oversubscribed.", D)
    assert not any(c.predicate == "offer_price" for c in p.claims), show(p)
    q = claims_of("Qingrun Bio Ltd sold 116 million shares at HK$13.40 each.", D)
    assert has(q, "offer_price", "Qingrun Bio", "HK$13.40"), show(q)


def test_a_spokesperson_named_after_the_company_is_the_speaker():
    p = claims_of("泽弗拉（Zephra Technologies）表示将提出上诉。该公司发言人卡拉·温特（Carla Vinter）说："
                  "“我们强烈反对这一决定。”", D)
    assert [c.subject for c in p.claims if c.kind == "quote"] == ["Carla Vinter"], show(p)
    q = claims_of("Zephra Technologies said on Monday it would appeal. A Zephra Technologies spokeswoman said: "
                  "\u201cWe strongly disagree with this decision and will appeal it.\u201d", D)
    assert [c.subject for c in q.claims if c.kind == "quote"] == ["Zephra Technologies"], show(q)


def test_the_nth_person_to_leave_is_one_of_a_series():
    p = claims_of("Priya Natarajan is the second senior executive to leave Lumigrid Inc this year.", D)
    assert not any(c.predicate == "departure" for c in p.claims), show(p)
    q = claims_of("Priya Natarajan said she would leave Lumigrid Inc this year.", D)
    assert has(q, "last_day", "Priya Natarajan", "this year"), show(q)  # (a departure to come: its last day)


def test_optimising_something_other_than_staff_is_no_layoff():
    p = claims_of("泊岸机器人（Orlen Robotics）周一宣布优化产品结构，员工约3000人。", D)
    assert not any(c.predicate == "layoffs" for c in p.claims), show(p)


def test_the_sunday_before_a_week_told_as_this_week_is_not_a_contradiction():
    """A Monday article's "earlier this week" and another's "late Sunday": weeks counted from
    Sunday (American calendars) hold that Sunday."""
    monday = dt.date(2026, 3, 2)
    claims, findings = compared("appointed", days={"a": monday, "b": monday},
                                a="Orlen Motors Inc named Dana Pike as chief executive late Sunday.",
                                b="Orlen Motors Inc named Dana Pike as chief executive earlier this week.")
    assert len(claims) == 2 and claims[0].value.part_of_day == "night", claims
    assert findings and findings[0].verdict == "compatible", findings
    _, findings = compared("appointed", days={"a": monday, "b": monday},
                           a="Orlen Motors Inc named Dana Pike as chief executive last Saturday.",
                           b="Orlen Motors Inc named Dana Pike as chief executive earlier this week.")
    assert findings and findings[0].verdict == "contradict", findings


def test_a_company_named_like_its_app_is_a_company():
    """英国支付应用Pennyloft (an app's word) and 金融科技公司Pennyloft (a company's) in one corpus:
    the company, which can then hold a valuation and a headcount."""
    claims, _ = compared("valuation", a="英国支付应用Pennyloft估值75亿美元。英国金融科技公司Pennyloft周一宣布融资。",
                         b="Pennyloft, the London-based payments app, was valued at $7.5 billion.")
    assert {c.subject for c in claims} == {"Pennyloft"} and len(claims) == 2, claims


def test_a_company_s_report_dates_an_announced_departure():
    p = claims_of("Pennyloft Ltd said on Monday that Oskar Lindqvist had resigned.", D)
    assert has(p, "departure", "Oskar Lindqvist", "Monday"), show(p)


def test_a_count_after_and_shares_the_verb_of_the_count_before():
    p = claims_of("Pennyloft Ltd has about 1,150 employees and 9 million customers in Europe.", D)
    assert has(p, "customers", "Pennyloft", "9 million customers"), show(p)
    q = claims_of("Pennyloft Ltd will cut 300 jobs and 200 contractors.", D)
    assert not any(c.predicate == "customers" or c.text == "200 contractors" for c in q.claims), show(q)


def test_the_nth_to_leave_in_chinese_is_one_of_a_series():
    p = claims_of("林德奎斯特（Oskar Lindqvist）是泊岸支付（Pennyloft Pay）今年第三位离职的高管。", D)
    assert not any(c.predicate == "departure" for c in p.claims), show(p)


def test_a_surname_two_people_share_names_the_one_the_article_names_in_full():
    """林德奎斯特 is Maya Lindqvist's surname in one article and Oskar Lindqvist's in another: in
    each article it names the one that article names in full, never the other."""
    claims, findings = compared(
        "joined",
        a="玛雅·林德奎斯特（Maya Lindqvist）是泊岸电网（Orlen Grid）的创始人。林德奎斯特于2015年加入泊岸电网。",
        b="奥斯卡·林德奎斯特（Oskar Lindqvist）是泊岸支付（Pennyloft Pay）的首席财务官。林德奎斯特于2021年加入泊岸支付。")
    assert sorted((c.source, c.subject) for c in claims) == [("a", "Maya Lindqvist"), ("b", "Oskar Lindqvist")], claims
    assert not findings, findings


def test_another_s_report_does_not_date_a_departure_the_article_dates_itself():
    p = claims_of("Pennyloft Ltd said on Tuesday that its finance chief, Oskar Lindqvist, had resigned. "
                  "Lindqvist announced his resignation on Monday evening in a memo to staff.", D)
    assert [c.text for c in p.claims if c.predicate == "departure"] == ["Monday evening"], show(p)


def test_a_latin_surname_two_people_share_names_the_one_the_article_names_in_full():
    claims, findings = compared(
        "joined",
        a="Maya Lindqvist founded Orlen Grid Inc. Lindqvist joined Orlen Grid Inc in 2015.",
        b="Oskar Lindqvist is the finance chief of Pennyloft Ltd. Lindqvist joined Pennyloft Ltd in 2021.")
    assert sorted((c.source, c.subject) for c in claims) == [("a", "Maya Lindqvist"), ("b", "Oskar Lindqvist")], claims
    assert not findings, findings


def test_investors_in_a_round_are_no_topic_for_a_bare_gongsi():
    p = claims_of("物流AI公司包裹智算（Parcelwise）近日完成4500万美元B轮融资，由翡翠创投（Jadeite Ventures）领投，"
                  "老股东橡岭资本（Oakridge Capital）跟投。本轮融资后，公司估值达6亿美元。", D)
    assert has(p, "valuation", "Parcelwise", "6亿美元"), show(p)


def test_an_assembly_line_is_no_takings():
    p = claims_of("《星海回响》的开发商鲸歌游戏（Whalesong Games）花费1亿元建设流水线。", D)
    assert not any(c.predicate == "revenue" for c in p.claims), show(p)


@pytest.mark.parametrize("text", [
    "泊岸电网（Orlen Grid）首席执行官林佩珊（Lin Peishan）于3月9日宣布辞职。次日，公司任命黄思琳（Celia Wong）为首席执行官。",
    "Lin Peishan resigned from Orlen Grid Inc on March 9. The next day, Orlen Grid Inc named Celia Wong as chief executive.",
])
def test_the_next_day_is_the_day_after_the_last_event_told(text):
    p = claims_of(text, D)
    (appointed,) = [c for c in p.claims if c.predicate == "appointed"]
    (departure,) = [c for c in p.claims if c.predicate == "departure"]
    day_after = (dt.date.fromisoformat(departure.value.start) + dt.timedelta(days=1)).isoformat()
    assert appointed.subject == "Celia Wong" and appointed.value.start == day_after, show(p)


def test_a_company_that_says_where_a_person_worked_is_no_subject():
    p = claims_of("Founded in 2019 by Wen Jiahao and former Alibaba engineer Sun Meiling, Parcelwise Ltd now has "
                  "120 employees.", D)
    assert [c.subject for c in p.claims if c.predicate == "founded"] == ["Parcelwise"], show(p)


def test_a_unit_after_a_number_is_no_company():
    p = claims_of("Orlen Phone Inc sold 48 million phones. The phone's battery is rated at 4,800 mAh, and the "
                  "charger at 65 W. mAh figures rose.", D)
    assert {c.subject for c in p.claims} <= {"Orlen Phone"}, show(p)


def test_a_kind_of_business_before_a_startup_s_name_is_no_name():
    p = claims_of("上海物流AI新创包裹智算（Parcelwise）宣布完成4500万美元B轮募资，公司估值来到5亿美元。", D)
    assert {c.subject for c in p.claims} == {"Parcelwise"}, show(p)


def test_a_chinese_headline_s_two_parts_are_two_clauses():
    p = claims_of("哈尔文半导体（Halvern Semi）一季度营收增长16% 净利润8.3亿美元", D)
    assert has(p, "revenue_change", "Halvern Semi", "16%"), show(p)
    assert not any(c.predicate == "profit_change" for c in p.claims), show(p)


def test_a_period_from_a_launch_does_not_date_it():
    p = claims_of("《灰烬之谷2》（Ashen Vale 2）于3月20日上市。布莱特芬工作室（Brightfen Studio）周五表示，"
                  "《灰烬之谷2》上市首周销量达230万份。", D)
    assert [c.text for c in p.claims if c.kind == "date"] == ["3月20日"], show(p)
    assert {c.subject for c in p.claims} == {"Ashen Vale 2"}, show(p)  # (the title's gloss names it)


def test_a_launch_once_planned_for_an_earlier_day_was_delayed_not_contradicted():
    claims, findings = compared("launch", a="The game Ashen Vale 2 launched on March 20 after a delay from its planned "
                                            "November release.",
                                b="《灰烬之谷2》（Ashen Vale 2）于3月20日上市。")
    assert findings and all(f.verdict != "contradict" for f in findings), findings


def test_starting_at_a_company_founds_nothing():
    p = claims_of("Ana Qent will start at Osterly Systems Inc on June 1.", D)
    assert not any(c.predicate == "founded" for c in p.claims), show(p)


def test_shares_of_a_company_are_its_shares():
    p = claims_of("Shares of Jadeway Robotics Ltd rose 27% in their Hong Kong debut on Friday.", D)
    assert has(p, "share_price_change", "Jadeway Robotics", "27%"), show(p)
    q = claims_of("Fines across the bloc totalled €2 billion.", D)
    assert not q.claims, show(q)


def test_jobs_offered_are_no_layoffs():
    p = claims_of("特萨罗出行（Tessaro Mobility）将为其中1100名工人在新电池工厂提供岗位。", D)
    assert not any(c.predicate == "layoffs" for c in p.claims), show(p)


@pytest.mark.parametrize("text", [
    "Ma Kaiwen founded Tessaro Mobility Inc in 2016. Two co-founders left this year.",
    "马凯文（Ma Kaiwen）于2016年创办特萨罗出行（Tessaro Mobility）。今年已有两位联合创始人离开。",
])
def test_a_counted_group_leaving_is_no_one_person_s_departure_nor_the_group_s_size(text):
    p = claims_of(text, D)
    assert not any(c.predicate in ("departure", "founders") for c in p.claims), show(p)


def test_a_company_fined_as_it_is_the_one_fined():
    p = claims_of("Orlen Pay Ltd shares fell. The regulator fined it HK$12 million in 2022.", D)
    assert has(p, "fine", "Orlen Pay", "HK$12 million"), show(p)


def test_handing_over_to_a_successor_is_leaving():
    p = claims_of("Talmer Ostrand will hand over to chief operating officer Brenna Hask on July 1.", D)
    assert has(p, "last_day", "Talmer Ostrand", "July 1"), show(p)  # (the day it takes effect)


def test_a_profit_before_earnings_per_share_is_not_them():
    p = claims_of("哈尔文半导体（Halvern Semi）第三季度净利润增至8.3亿美元，每股收益1.42美元。", D)
    assert [c.text for c in p.claims if c.predicate == "eps"] == ["1.42美元"], show(p)


def test_the_day_a_coming_departure_was_told_is_no_day_to_come():
    """周二上午宣布，X将卸任 … 将在7月1日正式卸任: Tuesday is when it was told, July 1 when it takes
    effect; they fit."""
    texts = dict(a="泊岸物流（Vexlane Logistics）周二上午宣布，联合创始人欧斯川（Talmer Ostrand）将卸任首席执行官一职。",
                 b="公司表示，歐斯川（Talmer Ostrand）將在7月1日正式卸任。")
    told, _ = compared("departure", **texts)
    effective, _ = compared("last_day", **texts)
    assert [(c.source, c.scope.get("tense")) for c in told] == [("a", None)], told  # (told: no day to come)
    assert [(c.source, c.scope.get("tense")) for c in effective] == [("b", "planned")], effective


def test_a_source_giving_about_the_other_s_figure_as_well_gives_both():
    """"412,000 in the US and another 38,000 in Canada" against 约41.2万台 … 3.8万台: a source that
    gives both figures (one of them as "about") makes the other's one figure no contradiction."""
    claims, findings = compared("recall", a="诺德维克（Nordvik Appliances）在美国召回约41.2万台空气炸锅，另在加拿大召回3.8万台。",
                                b="Nordvik Appliances is recalling 412,000 air fryers in the United States.")
    assert len(claims) == 3 and all(f.verdict != "contradict" for f in findings), findings


@pytest.mark.parametrize("text", [
    "特萨罗出行（Tessaro Mobility）裁员18% 员工总数将降至5740人",
    "裁员完成后，特萨罗出行（Tessaro Mobility）员工人数将由目前的7000人降至5740人。",
])
def test_the_staff_left_after_cuts_are_no_cuts(text):
    p = claims_of(text, D)
    assert not any(c.predicate == "layoffs" and c.value.kind == "count" for c in p.claims), show(p)


@pytest.mark.parametrize("text", [
    "About 2,400 workers at Galvine Motors Inc's engine plant walked out on Monday.",
    "加尔文汽车（Galvine Motors）发动机厂约2400名工人周一罢工。",
])
def test_workers_who_struck_are_not_the_staff(text):
    p = claims_of(text, D)
    assert not any(c.predicate == "employees" for c in p.claims), show(p)


def test_customers_whose_data_hackers_stole_are_the_company_s_in_a_passive_too():
    p = claims_of("約460萬名客戶的個人資料遭駭客竊取，泊岸電信（Orlen Telecom）週一表示。", D)
    assert has(p, "people_affected", "Orlen Telecom", "460萬"), show(p)


@pytest.mark.parametrize("text, predicate, subject, words", [
    ("台湾芯片设计公司奥瑞网半导体（Orrinet Semiconductor）前总裁雷克（Dovan Reyk）于周二在特拉华州法院起诉公司，"
     "索赔5400万美元。", "damages", "Dovan Reyk", "5400万美元"),
    ("Orrinet Semiconductor CEO Dovan Reyk sued the board on Tuesday, seeking $54 million.", "damages", "Dovan Reyk",
     "$54 million"),
])
def test_a_company_before_a_post_and_a_person_says_whose_post_it_is(text, predicate, subject, words):
    p = claims_of(text, D)
    assert [c.subject for c in p.claims if c.predicate == predicate] == [subject], show(p)
    assert has(p, predicate, subject, words), show(p)


def test_a_verb_of_suing_before_a_glossed_name_is_not_part_of_it():
    """控告奧瑞網半導體（Orrinet Semiconductor）: the company is 奥瑞网半导体, sued; the one who sues
    is still the claimant."""
    p = claims_of("被解雇的總裁雷克（Dovan Reyk）週一向美國德拉瓦州法院提告，控告奧瑞網半導體（Orrinet Semiconductor）"
                  "不當解僱，求償4,500萬美元。", D)
    assert [c.subject for c in p.claims if c.predicate == "damages"] == ["Dovan Reyk"], show(p)


def test_a_chinese_date_right_before_an_event_word_is_that_word_s():
    p = claims_of("钱特（Marisol Qent）将接替今年3月离职的沃尔什（Tobin Walsh）出任首席执行官。", D)
    assert [(c.predicate, c.subject) for c in p.claims if c.kind == "date"] == [("departure", "Tobin Walsh")], show(p)
    q = claims_of("泊岸电网（Orlen Grid）宣布2024年3月上市。", D)
    assert has(q, "ipo", "Orlen Grid", "2024年3月"), show(q)


def test_priced_at_is_an_offer_price_only_of_shares():
    p = claims_of("Brightfen Studio Inc released Ashen Vale 2, priced at $69.99, on Thursday.", D)
    assert has(p, "price", "Ashen Vale 2", "$69.99") and not any(c.predicate == "offer_price" for c in p.claims), show(p)
    q = claims_of("Jadeway Robotics Ltd's shares were priced at HK$18.60 in the IPO.", D)
    assert has(q, "offer_price", "Jadeway Robotics", "HK$18.60"), show(q)


@pytest.mark.parametrize("text", [
    "Tessaro Mobility Inc will cut 1,260 jobs, reducing its headcount from 7,000 to 5,740.",
    "裁员完成后，特萨罗出行（Tessaro Mobility）员工人数将由目前的7000人降至5740人。",
])
def test_a_staff_s_size_from_one_number_to_another_is_before_and_after(text):
    p = claims_of(text, D)
    sizes = [(c.value.value, c.scope.get("when")) for c in p.claims if c.predicate == "employees"]
    assert sizes == [(7000, "before"), (5740, "after")], show(p)
    assert not any(c.predicate == "layoffs" and c.value.value in (7000, 5740) for c in p.claims if c.kind == "count"), show(p)


def test_a_figure_from_one_number_to_another_without_a_group_is_no_size():
    p = claims_of("Orlen Grid Inc said orders rose from 7,000 to 9,000.", D)
    assert not any(c.predicate == "employees" for c in p.claims), show(p)


@pytest.mark.parametrize("text, predicate, words", [
    ("晶川电子（Jingchuan Electronics）第三季度毛利率为45.2%，营业利益率为31.8%。", "gross_margin", "45.2%"),
    ("晶川电子（Jingchuan Electronics）第三季度毛利率为45.2%，营业利益率为31.8%。", "operating_margin", "31.8%"),
    ("Jingchuan Electronics Corp's gross margin rose 2.1 percentage points to 45.2% in the third quarter.",
     "gross_margin", "45.2%"),
    ("晶川电子（Jingchuan Electronics）毛利率较上季提升2.1个百分点至45.2%。", "gross_margin", "45.2%"),
])
def test_a_margin_is_its_level_not_its_change(text, predicate, words):
    p = claims_of(text, D)
    assert [c.text for c in p.claims if c.predicate == predicate] == [words], show(p)


def test_a_glossed_chinese_name_without_its_trade_is_a_short_name_of_it():
    p = claims_of("梅里代尔乳业（Meridale Dairy）同意以每股41.5美元被收购。竞争对手卡尔德农场（Calder Farms）去年营收28亿美元。"
                  "梅里代尔去年营收19亿美元，拥有约5200名员工。", D)
    assert [c.subject for c in p.claims if c.predicate == "revenue"] == ["Calder Farms", "Meridale Dairy"], show(p)


def test_units_sold_of_a_named_product_are_the_product_s():
    p = claims_of("Brightfen Studio Inc said it had sold 3.2 million copies of Ashen Vale 2 in its first week.", D)
    assert [c.subject for c in p.claims if c.predicate == "sales"] == ["Ashen Vale 2"], show(p)
    q = claims_of("Brightfen Studio Inc sold 3.2 million copies of its games last year.", D)
    assert [c.subject for c in q.claims if c.predicate == "sales"] == ["Brightfen Studio"], show(q)


def test_an_industry_veteran_s_years_are_no_time_in_the_post():
    p = claims_of("Maya Reyes, a 20-year veteran of the auto industry, resigned from Orlen Grid Inc on Monday.", D)
    assert not any(c.predicate == "tenure" for c in p.claims), show(p)


def test_a_role_s_words_do_not_keep_a_date_from_the_succession():
    p = claims_of("Dana Pike will succeed Tom Reyes as chief executive of Orlen Grid Inc on March 1.", D)
    assert has(p, "appointed", "Dana Pike", "March 1"), show(p)


def test_one_in_five_jobs_is_a_share_not_five_jobs():
    p = claims_of("Orlen Grid Inc will cut one in five jobs.", D)
    assert [c.text for c in p.claims if c.predicate == "layoffs"] == ["one in five"], show(p)


def test_a_forecast_of_a_period_s_figure_is_no_contradiction_of_the_figure():
    claims, findings = compared("revenue", a="Orlen Grid Inc forecast revenue of $10 billion for the fourth quarter.",
                                b="Orlen Grid Inc reported revenue of $9.4 billion for the fourth quarter.")
    assert [c.scope.get("tense") for c in claims] == ["sought", None], claims
    assert findings and findings[0].verdict == "compatible" and findings[0].reason == "aim", findings
    p = claims_of("泊岸电网（Orlen Grid）营收94亿美元，高于分析师预期的92亿美元。", D)
    assert [c.text for c in p.claims if c.predicate == "revenue"] == ["94亿美元"], show(p)
    q = claims_of("泊岸电网（Orlen Grid）预计裁员500人。", D)  # (a plan of cuts stays a plan)
    assert [c.scope.get("tense") for c in q.claims if c.predicate == "layoffs"] == ["planned"], show(q)


def test_profits_of_two_measures_are_two_figures():
    """Net profit and adjusted (扣非) profit, operating and gross profit: each is compared only
    with the same measure."""
    claims, findings = compared("profit", a="岚途汽车（Lantu Auto）前三季度扣非净利润为14.5亿元。",
                                b="Lantu Auto Co's net profit for the first nine months was 1.23 billion yuan.")
    assert sorted(c.scope["measure"] for c in claims) == ["adjusted", "net"], claims
    assert not findings, findings
    _, findings = compared("profit", a="Lantu Auto Co's operating profit was 2.1 billion yuan in the third quarter.",
                           b="岚途汽车（Lantu Auto）第三季度经营利润为18亿元。")
    assert findings and findings[0].verdict == "contradict", findings


@pytest.mark.parametrize("text", [
    "泊岸电网（Orlen Grid）市值蒸发约30亿美元。",
    "Orlen Grid Inc lost about $3 billion in market value on Monday.",
    "Orlen Grid Inc shares fell 8%, wiping about $3 billion off its market value.",
])
def test_market_value_lost_or_gained_is_a_change_not_a_value_nor_a_loss(text):
    p = claims_of(text, D)
    assert not any(c.predicate in ("valuation", "loss") for c in p.claims), show(p)


def test_a_total_of_rounds_is_not_one_round():
    claims, findings = compared("funding", a="Orlen Grid Inc has raised $80 million in total from investors.",
                                b="Orlen Grid Inc raised $45 million in a Series B round.")
    assert sorted(c.scope.get("of") for c in claims) == ["round:b", "total"], claims
    assert not findings, findings


@pytest.mark.parametrize("text", [
    "Orlen Grid Inc said revenue grew 12% to $4.1 billion in 2025, while costs rose 20%.",
    "泊岸电网（Orlen Grid）营收同比增长12%，成本上升20%。",
])
def test_a_change_is_of_the_word_in_its_own_clause(text):
    p = claims_of(text, D)
    assert [c.value.value for c in p.claims if c.predicate == "revenue_change"] == [12], show(p)


def test_a_premium_with_no_deal_told_is_no_offer_s():
    p = claims_of("Orlen Grid Inc shares trade at a 20% premium to their peers.", D)
    assert not any(c.predicate == "offer_premium" for c in p.claims), show(p)


# Phrasings of stop 21's families, each read as its claim: (text, predicate, subject, words of the value)
PHRASINGS = [
    # an arrest and a conviction, dated
    ("Victor Lam, 58, was arrested in August 2024 at his home.", "arrest", "Victor Lam", "in August 2024"),
    ("Police detained Victor Lam on Tuesday.", "arrest", "Victor Lam", "Tuesday"),
    ("Victor Lam pleaded guilty in January to fraud.", "conviction", "Victor Lam", "in January"),
    ("Victor Lam was convicted on Tuesday of insider trading.", "conviction", "Victor Lam", "Tuesday"),
    ("前行政总裁林伟强（Victor Lam）于2024年8月被捕。", "arrest", "Victor Lam", "2024年8月"),
    # leaving, handing over, cutting jobs
    ("Orlen Robotics Inc co-founder Mira Solberg is parting ways with the company, she said on Tuesday.", "departure",
     "Mira Solberg", "Tuesday"),
    ("Mira Solberg will hand over the reins at Orlen Robotics Inc in March.", "last_day", "Mira Solberg", "in March"),
    ("Orlen Robotics Inc plans to trim its workforce by 8%.", "layoffs", "Orlen Robotics", "8%"),
    ("Orlen Robotics Inc axed 300 jobs on Monday.", "layoffs", "Orlen Robotics", "300 jobs"),
    ("Orlen Robotics Inc let go of about 300 staff last week.", "layoffs", "Orlen Robotics", "about 300 staff"),
    ("Orlen Robotics Inc announced 1,200 job cuts.", "layoffs", "Orlen Robotics", "1,200 job cuts"),
    ("Orlen Robotics Inc announced 300 redundancies.", "layoffs", "Orlen Robotics", "300 redundancies"),
    ("泊岸机器人（Orlen Robotics）联合创始人索尔贝格（Mira Solberg）周二宣布淡出公司管理层。", "departure", "Mira Solberg", "周二"),
    ("索尔贝格（Mira Solberg）将于3月退居幕后。", "last_day", "Mira Solberg", "3月"),
    ("泊岸机器人（Orlen Robotics）周一宣布，索尔贝格（Mira Solberg）不再担任首席执行官。", "departure", "Mira Solberg", "周一"),
    ("泊岸机器人（Orlen Robotics）周一宣布优化约300名员工。", "layoffs", "Orlen Robotics", "约300名员工"),
    # joining, taking up a post, time with a company
    ("林德奎斯特（Oskar Lindqvist）2021年由巴克莱银行转战泊岸支付（Pennyloft Pay）。", "joined", "Oskar Lindqvist", "2021年"),
    ("Ana Qent will start at Osterly Systems Inc on June 1.", "appointed", "Ana Qent", "June 1"),
    ("泊岸电网（Orlen Grid）首席执行官一职将由派克（Dana Pike）于3月1日接任。", "appointed", "Dana Pike", "3月1日"),
    ("派克（Dana Pike）3月1日起升任首席执行官。", "appointed", "Dana Pike", "3月1日"),
    # surnames of Hong Kong and Guangdong (區, 鄺, 冼, 麥, 關)
    ("澜川物流（Lanchuan Logistics）公布，行政总裁区志恒辞任，将于4月30日正式离任。", "last_day", "区志恒", "4月30日"),
    ("澜川物流（Lanchuan Logistics）财务总监鄺美玲周一辞职。", "departure", "邝美玲", "周一"),
    # a role between 由 and who takes the post; a name that ends where an appointment's word starts
    ("泊岸电网周一公告，财务长林秀芬辞职，其职务由副总裁许立峰自3月1日起代理。", "appointed", "许立峰", "3月1日"),
    ("泊岸电网（Orlen Grid）财务长林秀芬自2019年起出任该职。", "appointed", "林秀芬", "2019年"),
    ("Maya Reyes has been with Orlen Grid Inc for 11 years.", "tenure", "Maya Reyes", "11 years"),
    ("林佩珊（Lin Peishan）加入泊岸电网（Orlen Grid）已逾八年。", "tenure", "Lin Peishan", "逾八年"),
    ("周二上午宣布，联合创始人欧斯川（Talmer Ostrand）将卸任首席执行官。", "departure", "Talmer Ostrand", "周二上午"),
    # a game's open beta, release day and takings
    ("鲸歌游戏（Whalesong Games）新作《星海回响》将于3月12日开启公测。", "launch", "星海回响", "3月12日"),
    ("鲸歌游戏（Whalesong Games）的《星海回响》定档3月12日。", "launch", "星海回响", "3月12日"),
    ("《星海回响》上线首日流水超过1亿元。", "revenue", "星海回响", "超过1亿元"),
    # names a probe of new articles found missing
    ("Vexlane Inc was valued at $2 billion. Its closest rival, Hollin Freightware, was valued at $3.4 billion.",
     "valuation", "Hollin Freightware", "$3.4 billion"),
    ("Nordvik Appliances recalled 412,000 air fryers on Monday.", "recall", "Nordvik Appliances", "Monday"),
    # pay, a vote against, a takeover's premium
    ("Tomas Brayne received £6.1 million for 2025, the annual report showed.", "compensation", "Tomas Brayne", "£6.1 million"),
    ("Tomas Brayne was paid $12 million last year.", "compensation", "Tomas Brayne", "$12 million"),
    ("Orlen Foods Ltd said 58.3% of votes cast opposed the pay report.", "votes_against", "Orlen Foods", "58.3%"),
    ("Orlen Foods Ltd shareholders voted against the pay report, with 58.3% of votes cast opposing its pay report.",
     "votes_against", "Orlen Foods", "58.3%"),
    ("泊岸食品（Orlen Foods）股东大会上，58.3%的投票反对高管薪酬报告。", "votes_against", "Orlen Foods", "58.3%"),
    ("Sorrel Health Inc agreed to acquire Penmark Diagnostics Inc for $52 per share. The offer represents a premium of "
     "31% to Penmark's closing price on Friday.", "offer_premium", "Penmark Diagnostics", "31%"),
    ("索雷尔健康（Sorrel Health）以每股52美元收购Penmark Diagnostics Inc。收购价较Penmark上周五收市价溢价31%。",
     "offer_premium", "Penmark Diagnostics", "31%"),
    # an incident's dead and injured, a strike, cancelled services, a breach found, a first day's move
    ("A fire at a Norhaven Chemicals warehouse killed nine workers on Tuesday and injured 31 others.", "deaths",
     "Norhaven Chemicals", "nine workers"),
    ("A fire at a Norhaven Chemicals warehouse killed nine workers on Tuesday and injured 31 others.", "injuries",
     "Norhaven Chemicals", "31 others"),
    ("A blast at a Norhaven Chemicals plant killed four people and injured 12.", "injuries", "Norhaven Chemicals", "12"),
    ("诺港化工（Norhaven Chemicals）位于天津的一处仓库周二发生火灾，造成9名工人死亡、31人受伤。", "injuries",
     "Norhaven Chemicals", "31人"),
    ("塔罗煤业（Tarrow Coal）的一座煤矿发生爆炸，死亡人数已升至8人。", "deaths", "Tarrow Coal", "8人"),
    ("About 3,500 workers at Mellor Steel Ltd walked out on Monday.", "strike", "Mellor Steel", "About 3,500 workers"),
    ("The 10-day strike at Mellor Steel Ltd ended on Sunday.", "strike", "Mellor Steel", "10-day"),
    ("梅勒钢铁（Mellor Steel）为期10天的罢工于周日结束。", "strike", "Mellor Steel", "10天"),
    ("北欧航空（Nordair）被迫取消约2400个航班。", "cancellations", "Nordair", "约2400个"),
    ("Fintrail Bank discovered the breach on March 4 and notified regulators on March 6.", "breach_found",
     "Fintrail Bank", "March 4"),
    ("芬特雷银行（Fintrail Bank）表示，入侵事件于3月4日被发现。", "breach_found", "Fintrail Bank", "3月4日"),
    ("Quillon Bio jumps 31% in Nasdaq debut", "share_price_change", "Quillon Bio", "31%"),
    ("奎隆生物（Quillon Bio）纳斯达克上市首日大涨31%。", "share_price_change", "Quillon Bio", "31%"),
    # a court taking up a bankruptcy or restructuring
    ("佛山市中级人民法院于3月18日裁定受理诺维家居（Norvale Home）的破产重整申请。", "court_accepted", "Norvale Home", "3月18日"),
    ("诺维家居（Norvale Home）本周一（3月16日）获佛山市中级人民法院受理破产重整。", "court_accepted", "Norvale Home", "3月16日"),
    ("A court accepted a restructuring petition for Norvale Home Ltd on Wednesday, March 18.", "court_accepted",
     "Norvale Home", "March 18"),
    # what an event cost, the assets a firm manages, a trial's first day, passengers carried
    ("極光航空（Aurora Air）表示，罷工將造成約4500萬歐元損失。", "event_cost", "Aurora Air", "約4500萬歐元"),
    ("Harbor Peak Ltd, which manages about $48 billion in assets, has offices in New York.", "assets_managed",
     "Harbor Peak", "about $48 billion"),
    ("港峰資本（Harbor Peak）管理資產約480億美元。", "assets_managed", "Harbor Peak", "約480億美元"),
    ("远曜生技创办人陈冠廷（Chen Kuan-ting）涉嫌操纵股价一案于3月3日开庭。", "trial", "Chen Kuan-ting", "3月3日"),
    ("極光航空（Aurora Air）去年載客3100萬人次。", "passengers", "Aurora Air", "3100萬人"),
    ("辛德拉电信（Cindralink）目前约有1600万名用户。", "customers", "Cindralink", "约有1600万名用户"),
    # a bond issue: its size, its maturity, its coupon, its conversion price
    ("芬威克汽车（Fenwick Motors）发行15亿美元、2031年到期的可转换债券，票面年利率0.75%。", "bond_issue", "Fenwick Motors", "15亿美元"),
    ("芬威克汽车（Fenwick Motors）发行的可转换债券将于2031年到期。", "bond_maturity", "Fenwick Motors", "2031年"),
    ("芬威克汽車（Fenwick Motors）今日發行15億美元可換股債券，年息1.75厘。", "coupon", "Fenwick Motors", "1.75厘"),
    ("Fenwick Motors Ltd priced a US$1.5 billion offering of convertible bonds due 2031.", "bond_maturity",
     "Fenwick Motors", "due 2031"),
    ("The bonds of Fenwick Motors Ltd carry a coupon of 0.75% a year and an initial conversion price of HK$46.80.",
     "conversion_price", "Fenwick Motors", "HK$46.80"),
    # a share placement: how many new shares, at what price, at what discount
    ("泓基生物（Wangkei Biotech）按每股4.05港元配售1.28億股新股。", "placement_shares", "Wangkei Biotech", "1.28億股"),
    ("泓基生物（Wangkei Biotech）按每股4.05港元配售1.28億股新股。", "placement_price", "Wangkei Biotech", "4.05港元"),
    ("泓基生物（Wangkei Biotech）配售价较周一收市价4.74港元折让14.6%。", "placement_discount", "Wangkei Biotech", "14.6%"),
    ("Wangkei Biotech Ltd will raise HK$518.4 million by placing 128 million new shares at HK$4.05 each.",
     "placement_price", "Wangkei Biotech", "HK$4.05"),
    # an offering's oversubscription
    ("泊岸生物（Orlen Bio）公开发售部分获超额认购1286倍。", "oversubscription", "Orlen Bio", "1286"),
    ("The retail portion of Orlen Bio Inc's offering was oversubscribed 1,286 times.", "oversubscription", "Orlen Bio", "1,286"),
    ("Orlen Bio Inc's retail tranche was 421 times oversubscribed.", "oversubscription", "Orlen Bio", "421"),
    ("The international tranche of Orlen Bio Inc's offering was 9.4 times covered.", "oversubscription", "Orlen Bio", "9.4"),
]


@pytest.mark.parametrize("text, predicate, subject, words", PHRASINGS)
def test_a_phrasing_reads_as_its_claim(text, predicate, subject, words):
    p = claims_of(text, D)
    assert has(p, predicate, subject, words), show(p)


def test_a_staff_in_one_country_is_not_the_whole_staff():
    claims, findings = compared("employees", a="Orlen Grid Inc employs about 5,000 people in China.",
                                b="Orlen Grid Inc has about 12,000 employees worldwide.",
                                c="泊岸电网（Orlen Grid）在美国的员工约2000人。")
    assert sorted(c.scope.get("of", "") for c in claims) == ["", "in:china", "in:united states"], claims
    assert findings and all(f.verdict == "compatible" for f in findings), findings
    _, findings = compared("employees", a="Orlen Grid Inc has about 12,000 employees worldwide.",
                           b="泊岸电网（Orlen Grid）全球员工约9000人。")
    assert findings and findings[0].verdict == "contradict", findings


def test_a_first_word_two_companies_share_names_the_one_the_article_names_in_full():
    """"Lumora" for Lumora Health in one article and for Lumora Semiconductor in another: in each
    article the one it names in full, never the other's figures merged."""
    claims, findings = compared(
        "employees",
        a="Lumora Health Inc makes glucose monitors. Lumora has about 900 employees.",
        b="Lumora Semiconductor Corp designs chips. Lumora has about 1,100 employees.")
    assert sorted((c.source, c.subject) for c in claims) == [("a", "Lumora Health"), ("b", "Lumora Semiconductor")], claims
    assert not findings, findings


def test_the_next_verbs_date_is_not_the_first_ones():
    """"discovered the breach on March 4 and notified regulators on March 6", 于3月4日发现入侵，并于
    3月6日通报: the second date is the notice's, not the discovery's."""
    for text in ("Fintrail Bank discovered the breach on March 4 and notified regulators on March 6.",
                 "芬特雷银行（Fintrail Bank）于3月4日发现入侵，并于3月6日通报监管机构。"):
        p = claims_of(text, D)
        found = [c for c in p.claims if c.predicate == "breach_found"]
        assert [c.value.day for c in found] == [4], show(p)


def test_an_earlier_incident_told_with_its_year_is_another_incident():
    """"the worst since 2019, when 40 people died", 自2019年以来…，当年…造成40人死亡: that year's dead,
    not this incident's."""
    claims, findings = compared(
        "deaths",
        a="A blast at a Tarrow Coal Ltd mine killed six miners on Tuesday. It was the worst accident at Tarrow Coal Ltd "
          "since 2019, when 40 people died in a flood.",
        b="塔罗煤业（Tarrow Coal）一座煤矿周二发生爆炸，造成6名矿工遇难。这是塔罗煤业自2019年以来最严重的事故，当年其另一座"
          "煤矿透水造成40人死亡。")
    assert sorted((c.value.value, c.scope.get("when", "")[:4]) for c in claims) == \
        [(6, ""), (6, "2024"), (40, "2019"), (40, "2019")], claims
    assert not [f for f in findings if f.verdict == "contradict"], findings


def test_a_later_articles_higher_toll_is_an_update():
    """Six dead in Tuesday's article, eight in Wednesday's: a toll rises as news comes in. The same
    day, or fewer later, is a conflict."""
    later = {"a": dt.date(2024, 9, 10), "b": dt.date(2024, 9, 11)}
    a = "A blast at a Tarrow Coal Ltd mine killed six miners."
    _, findings = compared("deaths", later, a=a, b="Tarrow Coal Ltd said the death toll rose to 8.")
    assert [f.verdict for f in findings] == ["compatible"], findings
    assert "rises as news comes in" in findings[0].message
    _, findings = compared("deaths", a=a, b="Tarrow Coal Ltd said the death toll rose to 8.")
    assert [f.verdict for f in findings] == ["contradict"], findings
    _, findings = compared("deaths", later, a="Tarrow Coal Ltd said the death toll rose to 8.", b=a)
    assert [f.verdict for f in findings] == ["contradict"], findings
    # a later article telling the toll of the earlier day: one day's two counts
    _, findings = compared("deaths", later, a="A blast at a Tarrow Coal Ltd mine killed six miners on Tuesday.",
                           b="Tarrow Coal Ltd said on Wednesday the blast on Tuesday killed eight miners.")
    assert [f.verdict for f in findings] == ["contradict"], findings


def test_a_stock_exchange_or_a_province_is_no_company():
    """"in their Nasdaq debut", "in southern China's Guangdong province": places, so the company is
    the one the sentence or the article names."""
    p = claims_of("Shares of Quillon Bio Inc jumped 31% in their Nasdaq debut on Friday.", D)
    assert {c.subject for c in p.claims} == {"Quillon Bio"}, show(p)
    p = claims_of("A fire at a battery factory in southern China's Guangdong province killed 11 workers on Wednesday. "
                  "The blaze broke out in a building run by Voltaic Cell Co, the Guangdong fire department said.", D)
    assert [(c.predicate, c.subject) for c in p.claims if c.kind == "count"] == [("deaths", "Voltaic Cell")], show(p)


def test_a_figure_compared_with_is_the_earlier_one():
    """"raises at $1.1 billion, down from $1.6 billion" (a headline's valuation, not money raised);
    投后估值11亿美元，较今年1月C轮时的16亿美元下跌: the round before's valuation, not money raised."""
    p = claims_of("Orlen Robotics Inc raises at $1.1 billion, down from $1.6 billion", D)
    assert sorted((c.predicate, c.text, c.scope.get("when", "")) for c in p.claims) == \
        [("valuation", "$1.1 billion", ""), ("valuation", "$1.6 billion", "before")], show(p)
    p = claims_of("泊岸机器人（Orlen Robotics）完成9000万美元D轮融资，投后估值11亿美元，较今年1月C轮时的16亿美元下跌约31%。", D)
    assert has(p, "valuation", "Orlen Robotics", "16亿美元") and not has(p, "funding", "Orlen Robotics", "16亿美元"), show(p)


def test_totals_and_states_told_months_apart_are_two_times():
    """A total raised of $275 million in January and of $365 million in September grows with each
    round; a valuation a January article gives and one a September article gives are two times."""
    days = {"a": dt.date(2024, 1, 14), "b": dt.date(2024, 9, 16)}
    _, findings = compared("funding", days, a="泊岸机器人（Orlen Robotics）累计融资金额达2.75亿美元。",
                           b="泊岸机器人（Orlen Robotics）累计融资3.65亿美元。")
    assert [f.verdict for f in findings] == ["compatible"] and "total grows" in findings[0].message, findings
    _, findings = compared("funding", {"a": days["b"], "b": days["a"]}, a="泊岸机器人（Orlen Robotics）累计融资金额达2.75亿美元。",
                           b="泊岸机器人（Orlen Robotics）累计融资3.65亿美元。")
    assert [f.verdict for f in findings] == ["contradict"], findings  # less later: a conflict
    _, findings = compared("valuation", days, a="Orlen Robotics Inc is valued at $1.8 billion.",
                           b="Orlen Robotics Inc is valued at $1.1 billion.")
    assert [f.verdict for f in findings] == ["compatible"], findings
    _, findings = compared("valuation", a="Orlen Robotics Inc is valued at $1.8 billion.",
                           b="Orlen Robotics Inc is valued at $1.1 billion.")
    assert [f.verdict for f in findings] == ["contradict"], findings


def test_a_dividend_of_one_sort_is_compared_only_with_that_sort():
    """A final dividend, a special one and the full year's are three figures; a profit of billions
    is no dividend per share."""
    p = claims_of("泊岸控股（Orlen Holdings）董事会建议派发末期股息每股0.68港元及特别股息每股0.2港元，连同中期股息0.3港元，"
                  "全年派息合计每股1.18港元。", D)
    assert sorts(p, "dividend") == \
        [("0.2港元", "special"), ("0.3港元", "interim"), ("0.68港元", "final"), ("1.18港元", "full-year")], show(p)
    _, findings = compared("dividend", a="Orlen Holdings Ltd declared a final dividend of HK$0.68 per share.",
                           b="泊岸控股（Orlen Holdings）另派特別息0.2港元。")
    assert not findings, findings
    _, findings = compared("dividend", a="Orlen Holdings Ltd declared a final dividend of HK$0.68 per share.",
                           b="泊岸控股（Orlen Holdings）派末期息每股0.86港元。")
    assert [f.verdict for f in findings] == ["contradict"], findings
    p = claims_of("Orlen Holdings Ltd's core profit was HK$11.8 billion, implying a payout of about 50%.", D)
    assert not any(c.predicate == "dividend" for c in p.claims), show(p)


def test_a_chinese_name_spelt_by_two_english_ones_is_the_one_its_suffix_names():
    """恒晟控股 spells both Hengsheng Holdings and Hengsheng Land: 控股 says Holdings."""
    claims, _ = compared("employees", a="Hengsheng Holdings Ltd has 9,000 employees. Hengsheng Land Ltd has 2,000 employees.",
                         b="恒晟控股目前有员工9000人。")
    assert sorted((c.source, c.subject) for c in claims) == \
        [("a", "Hengsheng Holdings"), ("a", "Hengsheng Land"), ("b", "Hengsheng Holdings")], claims


def test_a_years_first_months_and_the_same_period_a_year_before():
    """累计今年前4月营收为新台币1152.3亿元，较去年同期的969.1亿元年增19.8%: January to April, the same
    months a year before (in the same currency), and the change of the four months, not April's."""
    p = claims_of("晶创半导体（CrystalPeak）4月营收为新台币286.4亿元。累计今年前4月营收为新台币1152.3亿元，较去年同期的969.1亿元年增19.8%。",
                  dt.date(2026, 5, 9))
    got = {c.text: (c.value.model_dump().get("currency"), c.scope.get("when")) for c in p.claims}
    assert got["新台币286.4亿元"] == ("TWD", "2026-04-01/2026-04-30"), show(p)
    assert got["新台币1152.3亿元"] == ("TWD", "2026-01-01/2026-04-30"), show(p)
    assert got["969.1亿元"] == ("TWD", "before"), show(p)
    assert got["19.8%"][1] == "2026-01-01/2026-04-30", show(p)


def test_what_could_be_is_no_claim():
    """"could face a fine of up to 10% of turnover", 依法最高可罚5000万元: a law's maximum, not the fine."""
    for text in ("Orlen Bank Ltd could face a fine of up to $50 million.",
                 "泊岸银行（Orlen Bank）被罚1500万元新台币。金管会表示，相关账户涉及可疑交易金额约36亿元，依法最高可罚5,000万元。"):
        p = claims_of(text, D)
        assert not any(c.predicate == "fine" and c.text in ("$50 million", "约36亿元", "5,000万元") for c in p.claims), show(p)
    p = claims_of("Orlen Bank Ltd was fined $5 million, the maximum fine under the law.", D)
    assert has(p, "fine", "Orlen Bank", "$5 million"), show(p)


def test_a_conversion_is_not_compared_with_an_amount_of_no_stated_currency():
    """"T$12 million ($370,000)" against 罚1200万元: the T$12 million is compared, not its conversion."""
    _, findings = compared("fine", a="The regulator fined Orlen Bank Ltd T$12 million ($370,000) on Tuesday.",
                           b="泊岸銀行（Orlen Bank）遭罰1200萬元。")
    assert [f.verdict for f in findings] == ["agree"], findings  # (the amount's currency is not stated: said in the message)


def test_a_regions_cuts_are_a_part_of_the_cuts():
    """东南亚团队裁员800人 and "cut 600 jobs in Southeast Asia" are a region's cuts, not the company's."""
    claims, findings = compared("layoffs", a="泊岸云（Orlen Cloud）宣布全球裁员2400人，东南亚团队裁员800人。",
                                b="Orlen Cloud Inc will cut 2,400 jobs, including 600 jobs in Southeast Asia.")
    assert sorted((c.value.value, c.scope.get("of", "")) for c in claims) == \
        [(600, "in:southeast asia"), (800, "in:southeast asia"), (2400, ""), (2400, "")], claims
    assert not [f for f in findings if f.verdict == "contradict" and {c.value.value for c in claims if c.id in f.claims} == {800, 2400}]


def test_an_event_set_aside_and_money_to_give_back_are_no_damages():
    """除索赔外，还要求其退还已支付的120万元竞业补偿金: the 1.2 million is a refund, not the damages."""
    p = claims_of("远川汽车（Yuanchuan Motors）起诉沈立言，索赔5000万元。除索赔外，远川汽车还要求其退还已支付的120万元竞业补偿金。", D)
    assert [c.text for c in p.claims if c.predicate == "damages"] == ["5000万元"], show(p)


def test_a_day_told_with_where_it_happened_is_on_that_places_clock():
    """"unveiled it on Tuesday at an event in San Jose" (in a Hong Kong paper) and 北京时间周三凌晨1点:
    one moment."""
    days = {"a": dt.date(2024, 9, 11), "b": dt.date(2024, 9, 11)}
    _, findings = compared("launch", days,
                           a="HONG KONG — Orlen Devices Ltd unveiled its Vela X2 glasses on Tuesday at an event in San Jose, California.",
                           b="北京时间9月11日凌晨1点，泊岸设备（Orlen Devices）在美国加州圣何塞发布Vela X2眼镜。")
    assert [f.verdict for f in findings] == ["compatible"], findings
    # a Hong Kong paper's 上週二於加州發布 is California's Tuesday
    days = {"b": dt.date(2024, 9, 11), "c": dt.date(2024, 9, 16)}
    _, findings = compared("launch", days,
                           b="北京时间9月11日凌晨1点，泊岸设备（Orlen Devices）在美国加州圣何塞发布Vela X2眼镜。",
                           c="2024年9月16日 星期一 11:05 HKT\n\n美國品牌泊岸設備（Orlen Devices）上週二於加州發布Vela X2眼鏡。")
    assert [f.verdict for f in findings] == ["compatible"], findings


def test_a_model_after_a_product_s_number_is_another_product():
    """Vela 7, Vela 7 Pro and Vela 7 Max are three phones with three prices."""
    p = claims_of("Orlen Devices Ltd unveiled its Vela 7 phones on Tuesday. The Vela 7 Pro will cost $1,099. "
                  "泊岸设备（Orlen Devices）Vela 7国行售价5999元，Vela 7 Max售价9499元。", D)
    assert sorted((c.subject, c.text) for c in p.claims if c.predicate == "price") == \
        [("Vela 7", "5999元"), ("Vela 7 Max", "9499元"), ("Vela 7 Pro", "$1,099")], show(p)


def test_a_day_s_move_and_the_week_s_are_two_figures():
    """"shares fell 1.8% on Tuesday" and 股价本周累计下跌3.2%: a day's move and a week's."""
    days = {"a": dt.date(2024, 9, 10), "b": dt.date(2024, 9, 13)}
    _, findings = compared("share_price_change", days,
                           a="Orlen Devices Ltd shares fell 1.8% on Tuesday after the event.",
                           b="泊岸设备（Orlen Devices）股价本周累计下跌3.2%。")
    assert findings and all(f.verdict == "compatible" for f in findings), findings
    _, findings = compared("share_price_change", days,
                           a="Orlen Devices Ltd shares fell 1.8% on Tuesday after the event.",
                           b="泊岸设备（Orlen Devices）股价周二下跌3.2%。")
    assert [f.verdict for f in findings] == ["contradict"], findings


def test_two_close_spellings_glossed_with_two_chinese_names_are_two_people():
    """王志成（Wang Chih-cheng） and 王志晨（Wang Chih-chen） are two candidates, not one name spelt
    twice: the 61-year-old is not the 44-year-old."""
    _, findings = compared("born",
                           a="嘉义市长选举中，进步党的王志成（Wang Chih-cheng）击败现任市长、民众党的王志晨（Wang Chih-chen）。"
                             "王志成现年44岁，曾任工程师；王志晨现年61岁，2018年起担任市长。",
                           b="CHIAYI, Taiwan (AP) — Wang Chih-cheng won the mayoral election on Saturday, defeating "
                             "incumbent Wang Chih-chen. Wang Chih-chen, 61, who had led the city since 2018, received "
                             "41.2% of the vote.")
    assert [(f.verdict, f.subject) for f in findings] == [("agree", "Wang Chih-chen")], findings


def test_words_that_look_like_events_but_are_not():
    """An age is no death toll; find's past is no founding; a typhoon's landfall (在粤西登陆), land
    offered for sale (挂牌出让) and a film's first day (上映首日) are no listing; an interest rate is no
    stake; a word inside a name ("Bolan Land") is no event."""
    cases = [
        ("Two patients at Kowloon Bay Hospital have died: an 82-year-old man and a 75-year-old woman.", "deaths", "82"),
        ("Five residents of the Kowloon Bay Care Home were found to have influenza this week.", "founded", ""),
        ("Investigators found that Harbin Foods Ltd had hidden losses in 2024.", "founded", ""),
        ("强台风“白鹭”（Bailu）预料今晚在粤西登陆。", "ipo", ""),
        ("江州一幅地块昨日挂牌出让，瀚威地产（Hanwei Land）以24.2亿元竞得。", "ipo", ""),
        ("江州一幅地块昨日挂牌出让，瀚威地产（Hanwei Land）以24.2亿元竞得。", "funding", ""),
        ("《长河》（Long River）上映首日票房达3.12亿元。", "ipo", ""),
        ("The central bank cut its benchmark interest rate by 25 basis points to 3.25% on Wednesday.", "stake", ""),
        ("Harbin Foods Ltd missed an interest payment of $12 million on Friday.", "stake", ""),
    ]
    for text, predicate, words in cases:
        p = claims_of(text, D)
        assert not [c for c in p.claims if c.predicate == predicate and words in c.text], (text, show(p))
    kept = [("Mara Quist helped found Harbin Foods Ltd in 2019.", "founded", "Harbin Foods", "2019"),
            ("瀚威科技（Hanwei Tech）周四登陆港交所。", "ipo", "Hanwei Tech", "周四"),
            ("Harbin Foods Ltd bought a 20% interest in Qiwen Labs last year.", "stake", "Harbin Foods", "20%")]
    for text, predicate, subject, words in kept:
        p = claims_of(text, D)
        assert has(p, predicate, subject, words), (text, show(p))


def test_a_stake_bought_years_ago_and_a_tender_offer_now_are_two_purchases():
    days = {"a": dt.date(2026, 10, 21), "b": dt.date(2026, 10, 21)}
    _, findings = compared("acquisition", days,
                           a="瀚威投資（Hanwei Investment）於10月20日啟動公開收購台嶺光電（Tailing Optics）股權。",
                           b="Hanwei Investment bought about 5% of Tailing Optics in 2024.")
    assert findings and all(f.verdict != "contradict" for f in findings), findings


def test_an_expense_called_compensation_is_no_damages_nor_pay():
    p = claims_of("Harbin Foods Ltd said adjusted net profit, which excludes share-based compensation, rose 21% to "
                  "4.27 billion yuan.", D)
    assert [(c.predicate, c.scope.get("measure")) for c in p.claims if "4.27" in c.text] == [("profit", "adjusted")], show(p)


def test_an_approval_in_one_place_and_one_in_another_are_two():
    """Approval in China on Nov. 18 and "expects approval in Hong Kong in the first half of 2027"."""
    days = {"a": dt.date(2026, 11, 19), "b": dt.date(2026, 11, 19)}
    claims, findings = compared("approval", days,
                                a="Chengli Biotherapeutics won approval in China on Nov. 18. The company expects approval "
                                  "in Hong Kong in the first half of 2027.",
                                b="澄立生物（Chengli Biotherapeutics）的新药11月18日获国家药监局批准。")
    assert sorted(c.scope.get("of", "") for c in claims) == ["", "in:china", "in:hong kong"], claims
    assert findings and all(f.verdict != "contradict" for f in findings), findings


def test_a_studio_named_after_a_person_does_not_take_her_name():
    """林婉清工作室 is the studio of 林婉清, who is Lin Wanqing: her figures are hers, the studio's its own."""
    from verifier.pipeline import extract_sources
    from verifier.text.sources import read_source

    sources = [read_source(Path("a.txt"), {"published": D}, text="演员林婉清被追缴税款3000万元。林婉清工作室另被罚款100万元。"),
               read_source(Path("b.txt"), {"published": D}, text="Actress Lin Wanqing was ordered to pay back taxes.")]
    prepared, index = extract_sources(sources, registry=[])
    assert index.canonical("林婉清") == "Lin Wanqing" and index.canonical("林婉清工作室") == "林婉清工作室"


def test_back_taxes_late_fees_and_their_total_are_no_fine():
    p = claims_of("演员林婉清（Lin Wanqing）逃税被查。税务局对林婉清追缴税款3000万元，加收滞纳金800万元，并处2倍罚款计6000万元，"
                  "合计9800万元。", D)
    assert [c.text for c in p.claims if c.predicate == "fine" and c.kind == "money"] == ["6000万元"], show(p)


def test_a_first_week_and_a_first_year_are_two_periods():
    """A new game's first-week revenue and the last game's first-year revenue are two figures."""
    claims, findings = compared("revenue",
                                a="凌霄互动（Lingxiao Interactive）上一款游戏于2023年上线，首年流水达10亿美元。",
                                b="凌霄互动（Lingxiao Interactive）新作首周收入约8600万美元。")
    assert sorted(c.scope.get("sort") for c in claims) == ["first-week", "first-year"] and not findings, findings
    _, findings = compared("revenue", b="凌霄互动（Lingxiao Interactive）新作首周收入约8600万美元。",
                           c="凌霄互動（Lingxiao Interactive）新作首週收入約6800萬美元。")
    assert [f.verdict for f in findings] == ["contradict"], findings


def test_a_part_told_after_qizhong_or_at_a_venue_is_that_place_s():
    """其中亚洲站…已售出41万张 and 高雄国家体育场4场演唱会…共卖出约16万张 are parts of a tour's total;
    美国歌手… opens a sentence with who, not where."""
    p = claims_of("流行歌手艾琳沃斯（Elin Voss）的巡演共售出190万张门票。其中亚洲站共14场，已售出41万张门票。", D)
    assert sorted((c.text, c.scope.get("of", "")) for c in p.claims if c.predicate == "sales") == \
        [("190万张", ""), ("41万张", "in:asia")], show(p)
    venue = claims_of("高雄国家体育场4场演唱会在20分钟内售罄，流行歌手艾琳沃斯（Elin Voss）共卖出约16万张门票。", D)
    assert [c.scope.get("of") for c in venue.claims if c.predicate == "sales"] == ["in:高雄"], show(venue)
    who = claims_of("美国流行歌手艾琳沃斯（Elin Voss）的巡演售出190万张门票。", D)
    assert [c.scope.get("of") for c in who.claims if c.predicate == "sales"] == [None], show(who)


def test_a_results_period_is_its_company_s_not_the_next_one_s():
    p = claims_of("Lanfeng Semiconductor said its revenue rose 12% to HK$3.1 billion last year. Tiangou Group said "
                  "sales rose 8.6% to 540.3 billion yuan. Lanfeng's net profit was HK$400 million.", D)
    assert sorted((c.subject, c.scope.get("when")) for c in p.claims if c.predicate in ("revenue", "profit")) == [
        ("Lanfeng Semiconductor", "2023-01-01/2023-12-31"), ("Lanfeng Semiconductor", "2023-01-01/2023-12-31"),
        ("Tiangou Group", None)], show(p)


def test_market_words_that_hold_an_event_word_are_no_event():
    """金融资产 holds 融资, 订单创建 holds 创建, "fine troy ounces" is no fine, "gross merchandise value"
    no valuation; what shoppers spent is no company's spending."""
    cases = [("索拉储备银行（Sora Reserve Bank）称，11月美元指数下跌1.7%，全球主要金融资产价格总体上涨。", "funding"),
             ("天启集团（Tianqi Group）11月11日零点刚过，订单创建峰值达58.3万笔/秒。", "founded"),
             ("Sora Reserve Bank said gold reserves rose to 73.8 million fine troy ounces at the end of November.", "fine"),
             ("Across all platforms, gross merchandise value reached 1.43 trillion yuan, Lanjing Data said.", "valuation"),
             ("Chinese shoppers spent 540.3 billion yuan on Tianqi Mall during the festival, Tianqi Group said.", "spending")]
    for text, predicate in cases:
        p = claims_of(text, D)
        assert not [c for c in p.claims if c.predicate == predicate], (text, show(p))
    p = claims_of("The regulator fined Tianqi Group 20 million yuan on Monday.", D)
    assert has(p, "fine", "Tianqi Group", "20 million yuan"), show(p)


def test_the_missing_are_not_the_dead():
    for text in ("The Qiwen River bridge collapsed on Sunday. On Monday evening authorities reported four dead and 11 missing.",
                 "祁文大桥（Qiwen Bridge）周日坍塌，造成4人死亡、11人失踪。"):
        p = claims_of(text, D)
        assert not [c for c in p.claims if c.predicate == "deaths" and "11" in c.text], (text, show(p))
    p = claims_of("祁文大桥（Qiwen Bridge）周日坍塌，造成4人死亡、11人失踪。", D)
    assert has(p, "deaths", "Qiwen Bridge", "4人"), show(p)


def test_a_name_s_last_word_a_capital_ratio_and_creditors_hold_no_stake():
    """嘉石控股 ends in 控股, which is no stake; 普通股权一级资本比率 is a capital ratio; creditors holding
    78% of its debt hold no shares; 持有约6% still is a stake."""
    for text in ("港石银行（Harbourstone Bank）普通股权一级资本比率为14.6%。",
                 "嘉石控股（Jadecrest Holdings）表示，持有其境外债务约78%的债权人已签署重组支持协议。"):
        p = claims_of(text, D)
        assert not [c for c in p.claims if c.predicate == "stake"], (text, show(p))
    p = claims_of("泊岸科技（Bolan Tech）的大股东嘉石控股（Jadecrest Holdings）持有约6%。", D)
    assert has(p, "stake", "Jadecrest Holdings", "约6%"), show(p)


def test_an_analysts_estimate_after_a_figure_is_no_result():
    p = claims_of("Harbourstone Bank said net profit rose 9% to HK$18.6 billion, beating the HK$17.9 billion average "
                  "estimate of analysts.", D)
    assert sorted((c.text, c.scope.get("tense")) for c in p.claims if c.predicate == "profit") == \
        [("HK$17.9 billion", "sought"), ("HK$18.6 billion", None)], show(p)


def test_a_regulator_after_from_is_not_what_is_approved_and_keeps_its_whole_name():
    """"expect approval from the Civil Aviation Competition Board": the board is where approval
    comes from, and one organisation ("Aviation" is an organisation word inside its name)."""
    from verifier.claims.entities import learn_article
    from verifier.text.fold import fold

    text = "Skyreach Airways expects approval from the Civil Aviation Competition Board by September 30."
    assert ("Civil Aviation Competition Board", "org") in {n[:2] for n in learn_article(text, fold(text)).names}
    p = claims_of(text, D)
    assert not [c for c in p.claims if "Board" in c.subject], show(p)
    p = claims_of("Harbin Foods Ltd bought a 20% stake in Qiwen Labs from Bolan Tech on Monday.", D)
    assert has(p, "stake", "Harbin Foods", "20%"), show(p)


def test_names_and_figures_told_respectively_pair_one_for_one():
    """A与B分别裁员X和Y: each its own; names the text cannot all tell are none's figures; one name's
    figures listed against its tranches stay its own."""
    p = claims_of("泊岸科技（Bolan Tech）与嘉石控股（Jadecrest Holdings）分别裁员200人和300人。", D)
    assert sorted((c.subject, c.text) for c in p.claims if c.predicate == "layoffs") == \
        [("Bolan Tech", "200人"), ("Jadecrest Holdings", "300人")], show(p)
    unclear = claims_of("审裁处裁定三家公司、泊岸科技（Bolan Tech）及嘉石控股（Jadecrest Holdings）违规，分别罚款1.2亿元、"
                        "8500万元及4500万元，合共2.5亿元。", D)
    assert not [c for c in unclear.claims if c.predicate == "fine"], show(unclear)
    tranches = claims_of("嘉石控股（Jadecrest Holdings）的新票据分为三档，分别于2029年、2031年及2033年到期，票面利率分别为4%、5%及6.5%。", D)
    assert sorted(c.text for c in tranches.claims if c.predicate == "coupon") == ["4%", "5%", "6.5%"], show(tranches)


def test_what_a_fine_would_have_been_a_cap_and_a_share_of_shareholders_are_not_claims():
    cases = [("Hongda Paper Ltd's fine would otherwise have been HK$90 million.", "fine"),
             ("宏达纸品（Hongda Paper）获50%宽免，原应罚9000万元。", "fine"),
             ("宏达纸品（Hongda Paper）设定的2026年行政总裁薪酬上限为5500万港元。", "compensation"),
             ("纸箱围标案三公司共罚2.5亿，宏达纸品（Hongda Paper）获宽免一半。", "fine"),
             ("凯斯卓（Kestrel Lodging）另获得7.5%股东的不可撤销承诺。", "stake"),
             ("凯斯卓（Kestrel Lodging）现持有明湾约两成股权；珍海则持有15%。", "stake")]
    for text, predicate in cases:
        p = claims_of(text, D)
        assert not [c for c in p.claims if c.predicate == predicate and ("15%" in c.text or predicate != "stake")
                    and "两成" not in c.text], (text, show(p))
    p = claims_of("泊岸科技（Bolan Tech）去年裁员200人，今年则裁员300人；欧洲业务则裁员50人。", D)
    assert sorted(c.text for c in p.claims if c.predicate == "layoffs" and c.kind == "count") == ["200人", "300人", "50人"], show(p)


def test_a_film_s_box_office_by_day_and_by_period():
    """《长河》首日票房 and its running total: a first day's takings are their own figure, and a total
    told on a later day that is higher is an update, not a conflict."""
    p = claims_of("科幻电影《长河》于10月1日上映，首日票房3.12亿元。截至10月7日，《长河》累计票房达21.3亿元。", D)
    assert sorted((c.text, c.scope.get("sort")) for c in p.claims if c.predicate == "box_office") == \
        [("21.3亿元", None), ("3.12亿元", "first-day")], show(p)
    days = {"a": dt.date(2024, 10, 8), "b": dt.date(2024, 10, 11)}
    _, findings = compared("box_office", days, a="截至10月7日，科幻电影《长河》累计票房达21.3亿元。",
                           b="《长河》票房破25亿元。")
    assert findings and all(f.verdict != "contradict" for f in findings), findings
    _, findings = compared("box_office", a="科幻电影《长河》首日票房3.12亿元。", b="科幻電影《長河》首日票房3.21億元。")
    assert [f.verdict for f in findings] == ["contradict"], findings


def test_vehicle_and_hospitality_end_a_company_s_name():
    from verifier.claims.entities import learn_article
    from verifier.text.fold import fold

    text = "Lingfeng New Energy Vehicle won an order on Tuesday. Zhenhai Hospitality and Kestrel Lodging bid for it."
    names = {n[0] for n in learn_article(text, fold(text)).names if n[1] == "org"}
    assert {"Lingfeng New Energy Vehicle", "Zhenhai Hospitality", "Kestrel Lodging"} <= names, names


def test_a_time_of_day_abbreviation_ends_no_sentence():
    """"struck at 6:42 a.m. on Saturday, killing at least nine people": one sentence, so the
    count keeps its day and its event word."""
    from verifier.text.segment import sentences

    text = "A fire struck a Harbin Foods Ltd plant at 6:42 a.m. on Saturday, killing nine workers. Mr. Tan left. It ended."
    assert [text[s.start:s.end] for s in sentences(text, [(0, len(text))])] == [
        "A fire struck a Harbin Foods Ltd plant at 6:42 a.m. on Saturday, killing nine workers.", "Mr. Tan left.", "It ended."]
    p = claims_of(text, D)
    assert has(p, "deaths", "Harbin Foods", "nine"), show(p)


def test_a_numbered_signal_is_no_day_of_the_month():
    """十號風球, 8号烈风信号: a typhoon signal's number, not the 10th or the 8th."""
    from verifier.normalize.engine import analyze

    for text in ("天文台凌晨改發十號風球", "香港天文台发出8号烈风信号", "天文台发出十号飓风信号"):
        assert not [f for f in analyze(text, kinds=("date",)) if "号" in f.text or "號" in f.text], text
    assert [f.text for f in analyze("公司10号发布公告", kinds=("date",))] == ["10号"]


def test_a_groups_total_is_not_its_members():
    """六名基石投资者合计认购约1.2亿美元，其中海滨资本认购5000万美元: the issuer received the total;
    the investor named after 其中 is one of the group, not who received it. 获超额认购1286倍 names
    no investor."""
    p = claims_of("泊岸生物（Orlen Bio）今日在港交所上市，公开发售部分获超额认购1286倍。基石投资者方面，共有六名基石投资者参与认购，"
                  "合计认购约1.2亿美元，其中海滨资本（Harbourside Capital）认购5000万美元。", D)
    assert {c.subject for c in p.claims if c.predicate == "investment"} <= {"Orlen Bio"}, show(p)
    assert not any("超额认购" in c.subject for c in p.claims), show(p)


def test_an_offerings_tranches_are_two_figures():
    """The retail tranche 1,286 times and the international one 9.4 times: two figures."""
    _, findings = compared("oversubscription", a="泊岸生物（Orlen Bio）公开发售部分获超额认购1286倍，国际配售获超额认购约9.4倍。",
                           b="Orlen Bio Inc's international tranche was 9.4 times covered.")
    assert [f.verdict for f in findings] == ["agree"], findings
    _, findings = compared("oversubscription", a="泊岸生物（Orlen Bio）公开发售部分获超额认购1286倍。",
                           b="泊岸生物（Orlen Bio）公開發售部分錄得1068倍超額認購。")
    assert [f.verdict for f in findings] == ["contradict"], findings


def test_a_one_off_figure_told_on_two_days_is_one_figure():
    """An offer price the evening it was set (今晚) and on the listing day (今日): one price."""
    days = {"a": dt.date(2024, 9, 11), "b": dt.date(2024, 9, 12)}
    _, findings = compared("offer_price", days, a="泊岸生物（Orlen Bio）今晚公布配售结果，最终发售价定为每股20.60港元。",
                           b="泊岸生物（Orlen Bio）今日在港交所主板上市，開市報24.50港元，較招股價20.80港元高開17.8%。")
    assert [f.verdict for f in findings] == ["contradict"], findings


def test_a_glossed_name_after_a_place_or_a_kind_of_company():
    """苏州抗体药企澄澜生物（Clearwave Biologics）: the name is 澄澜生物; 北京银行（Bank of Beijing）: the
    whole name (not 银行, not 北京)."""
    from verifier.claims.entities import learn_article
    from verifier.text.fold import fold

    for text, want in (("苏州抗体药企澄澜生物（Clearwave Biologics）今晚公布配售结果。", {"澄澜生物"}),
                       ("北京银行（Bank of Beijing）今日公布业绩。", {"北京银行"}),
                       ("法院受理家具制造商诺维家居股份有限公司（Norvale Home Furnishings）的申请。", {"诺维家居股份有限公司"}),
                       ("台湾永晟商业银行（Yongsheng Commercial Bank）被罚。", {"永晟商业银行"})):
        learned = learn_article(text, fold(text))
        aliases = {a for n in learned.names if n[2] == "gloss" for a in n[3]}
        assert want <= aliases and not aliases & {"银行", "北京", "苏州抗体药企澄澜生物"}, learned.names


def test_a_reporters_byline_is_no_one_and_says_the_papers_dollar():
    """〔記者張家瑋／台北報導〕 opens the paragraph: the reporter is no subject, and a Taipei paper's
    bare 元 is NT$."""
    text = ("泊岸生技創辦人陳冠廷案宣判\n2026/08/19 05:30 自由時報\n\n〔記者張家瑋／台北報導〕泊岸生技（Orlen Biotech）創辦人陳冠廷"
            "涉嫌炒作股價，台北地院昨（18）日一審判處有期徒刑7年6月，併科罰金6000萬元。")
    p = claims_of(text, None)
    assert not any(c.subject in ("张家玮", "張家瑋") for c in p.claims), show(p)
    fines = [c for c in p.claims if c.predicate == "fine"]
    assert fines and fines[0].value.currency == "TWD", show(p)


def test_who_a_fine_is_imposed_on_after_dui():
    """金管會同日也對宏泰證券開罰420萬元: 宏泰證券 is fined, not the regulator."""
    p = claims_of("泊岸银行（Orlen Bank）被罚1500万元新台币。金管会同日也对宏泰证券（Hongtai Securities）开罚420万元。", D)
    assert has(p, "fine", "Hongtai Securities", "420万元"), show(p)
    p = claims_of("The maximum penalty for such violations is T$50 million, Orlen Bank Ltd said.", D)
    assert not any(c.predicate == "fine" for c in p.claims), show(p)


def test_an_articles_fiscal_years_end_where_it_says():
    """2026财年（截至2026年3月底）once, then 2027财年 and the results 报告期内: April to March; a forecast
    in the headline is not the period the results are of; 營業利益 is an operating profit."""
    text = ("青川精机2026财年净利润增长12.3% 预计2027财年营收1.38万亿日元\n\n"
            "青川精机（Aokawa Precision）今日发布2026财年（截至2026年3月底）业绩。报告期内，公司实现营收1.28万亿日元。\n\n"
            "青川精机预计，2027财年营收将达1.38万亿日元。")
    p = claims_of(text, dt.date(2026, 5, 13))
    got = {(c.text, c.scope.get("when")) for c in p.claims if c.predicate == "revenue"}
    assert ("1.28万亿日元", "2025-04-01/2026-03-31") in got, show(p)
    assert ("1.38万亿日元", "2026-04-01/2027-03-31") in got, show(p)
    p = claims_of("青川精機（Aokawa Precision）營業利益1652億日圓，純益1085億日圓。", D)
    assert sorted(c.scope.get("measure") for c in p.claims if c.predicate == "profit") == ["net", "operating"], show(p)


def test_two_firms_estimates_are_two_estimates():
    """"Harbor Data estimated 43.1 million", 另一机构Tidewater的数据显示约3980万部: two firms' figures,
    never compared; one firm's figure in two papers is compared."""
    a = "研究机构Tidewater Analytics周四公布，朗拓（Lantor）今年第一季全球出货约3980万部。"
    b = "据市场调研机构港湾数据（Harbor Data）发布的数据，第一季度朗拓（Lantor）全球智能手机出货量为4120万部。"
    c = "Harbor Data estimated that Lantor Inc shipped 43.1 million phones in the first quarter."
    claims, findings = compared("sales", a=a, b=b, c=c)
    assert sorted(x.scope.get("by", "") for x in claims) == ["Harbor Data", "Harbor Data", "Tidewater Analytics"], claims
    assert [sorted(f.sources) for f in findings if f.verdict == "contradict"] == [["b", "c"]], findings


def test_a_markets_units_and_an_impairments_amount_are_parts():
    """在中国市场出货1190万部 is China's part; 亏损主要由于减值拨备约1.5亿港元 is the provision's, not the loss."""
    p = claims_of("朗拓（Lantor）在中国市场出货1190万部。", D)
    assert [c.scope.get("of") for c in p.claims if c.predicate == "sales"] == ["in:china"], show(p)
    p = claims_of("骏丰百货（Chun Fung Stores）预计上半年亏损约3亿港元，亏损主要由于关闭门店的减值拨备约1.5亿港元。", D)
    assert [c.text for c in p.claims if c.predicate == "loss"] == ["约3亿港元"], show(p)


def test_affected_users_are_not_the_user_base():
    """受影响用户约1.84万名 counts those a hack reached, not the platform's users."""
    p = claims_of("澜桥（LanBridge）表示，受影响用户约1.84万名，平台将全额赔付。澜桥目前注册用户约110万。", D)
    assert [(c.text, c.value.bound) for c in p.claims if c.predicate == "customers"] == [("110万", "approx")], show(p)
    assert [c.text for c in p.claims if c.predicate == "people_affected"] == ["约1.84万名"], show(p)


def test_each_move_has_its_own_session():
    """早盘一度大跌11%，最终收跌6.2%: an intraday low and a close."""
    p = claims_of("鼎峰精密（Dingfeng Precision）股价早盘一度大跌11%，最终收跌6.2%。", D)
    assert sorted((c.text, c.scope.get("of")) for c in p.claims if c.predicate == "share_price_change") == \
        [("11%", "session:intraday"), ("6.2%", "session:close")], show(p)


def test_two_conversions_of_one_amount_at_two_rates_fit():
    """"215.4 billion won ($158 million)" and 2154亿韩元（约1.56亿美元）: one fine, two exchange rates."""
    _, findings = compared("fine", a="The regulator fined Orbis Digital Inc 215.4 billion won ($158 million).",
                           b="监管机构对奥比斯数码（Orbis Digital）处以2154亿韩元（约1.56亿美元）罚款。")
    assert findings and not [f for f in findings if f.verdict == "contradict"], findings


def test_a_chinese_wire_lead_dates_the_article_from_the_corpus_year(tmp_path):
    """财联社10月14日讯 gives the month and day; the year comes from the other articles."""
    from verifier.api import report

    (tmp_path / "a.md").write_text("标题\n\n财联社10月14日讯，奥比斯数码（Orbis Digital）周三宣布裁员300人。\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Title\n\nPublished: 2026-10-14\n\nOrbis Digital Inc said on Wednesday it would cut 300 jobs.\n",
                                   encoding="utf-8")
    result = report([tmp_path])
    assert {s.id: s.published for s in result.sources}["a"] == dt.date(2026, 10, 14)


def test_votes_for_a_rejected_motion_are_not_votes_against():
    """最终仅得38.2%赞成，遭否决: 38.2% voted for it; 获得36.8%赞成票、61.8%反对票: 61.8% against."""
    p = claims_of("恒昇物流（Hangshing Logistics）股东大会上，罢免主席的决议案最终仅得38.2%赞成，遭否决。", D)
    assert not any(c.predicate == "votes_against" for c in p.claims), show(p)
    p = claims_of("恒昇物流（Hangshing Logistics）罢免主席的议案获得36.8%赞成票、61.8%反对票，未获通过。", D)
    assert [c.text for c in p.claims if c.predicate == "votes_against"] == ["61.8%"], show(p)


def test_what_is_said_not_to_be_an_event_is_not_one():
    """此项更新并非召回, "which is not a recall": no recall."""
    for text in ("諾維克汽車（Norvik Automotive）將透過軟件更新為全球約39萬輛轎車修正問題，此項更新並非召回。",
                 "Norvik Automotive Inc will fix 390,000 cars with a software update, which is not a recall."):
        p = claims_of(text, D)
        assert not any(c.predicate == "recall" for c in p.claims), show(p)


def test_a_name_in_an_aside_is_not_the_clauses_subject():
    """董事会主席孔维新（孔维安胞兄）去年薪酬为980万港元: the chairman's pay, not his brother's."""
    p = claims_of("澜海科技（Lanhai Technology）行政总裁孔维安去年薪酬为2350万港元。董事会主席孔维新（孔维安胞兄）去年薪酬为980万港元。", D)
    assert sorted((c.subject, c.text) for c in p.claims if c.predicate == "compensation") == \
        [("孔维安", "2350万港元"), ("孔维新", "980万港元")], show(p)


def test_a_figure_of_a_year_earlier_is_of_that_period():
    """去年同期亏损6.1亿港元, "compared with a loss of HK$610 million a year earlier": the first half
    a year before, not this one (a change "from a year earlier" stays this period's)."""
    for text in ("翠港航空（Jade Harbour Airways）上半年纯利3.2亿港元，去年同期亏损6.1亿港元。",
                 "Jade Harbour Airways Ltd posted a first-half profit of HK$320 million, compared with a loss of "
                 "HK$610 million a year earlier."):
        p = claims_of(text, dt.date(2026, 8, 21))
        assert [c.scope.get("when") for c in p.claims if c.predicate == "loss"] == ["2025-01-01/2025-06-30"], show(p)
        assert [c.scope.get("when") for c in p.claims if c.predicate == "profit"] == ["2026-01-01/2026-06-30"], show(p)


def test_state_group_names_and_figure_words_after_a_companys_noun():
    """中国冶建集团 keeps its place (not 国冶建集团) and is China Yejian Group; 集团总资产 names no
    company; "Aug 6" is a day, no product."""
    from verifier.claims.entities import learn_article
    from verifier.text.fold import fold

    text = "中国华钢集团与中国冶建集团实施重组。中国冶建集团资产总额5480亿元。中国华钢集团总资产8620亿元，员工12.3万人。"
    names = {n[0] for n in learn_article(text, fold(text)).names}
    assert {"中国冶建集团", "中国华钢集团"} <= names and not names & {"国冶建集团", "总资产", "资产总额"}, names
    english = "China Yejian Group Co merged on Aug 6 with China Huagang Group Co. Aug 6 was a Thursday."
    assert not [n for n in learn_article(english, fold(english)).names if n[0].startswith("Aug")]
    claims, _ = compared("assets", a="China Yejian Group Co had assets of 548 billion yuan.", b="中国冶建集团资产总额5480亿元。")
    assert {c.subject for c in claims} == {"China Yejian Group"}, claims


def test_a_dated_figure_meets_a_dated_one():
    """An undated 8% and "8% in January 2025" in two articles are one position; against "about 10%
    in January 2025" the dated one speaks of the same time, so they conflict."""
    days = {k: dt.date(2026, 6, 10) for k in "abc"}
    _, findings = compared("layoffs", days, a="泊岸云（Orlen Cloud）上一轮裁员1800人，约占当时员工总数的8%。",
                           b="In January 2025 Orlen Cloud Inc laid off 1,800 people, or 8% of its staff at the time.",
                           c="泊岸雲（Orlen Cloud）去年1月曾裁員1800人，佔當時員工約10%。")
    assert any(f.verdict == "contradict" and {"b", "c"} <= set(f.sources) for f in findings), findings


def test_total_dividends_are_no_profit():
    """"Total dividends will amount to about HK$5.9 billion, a payout ratio of 45% of net profit": the
    payout, not the profit."""
    p = claims_of("Total dividends for the year will amount to about HK$5.9 billion, a payout ratio of 45% of net "
                  "profit, Hengsheng Holdings Ltd said.", D)
    assert [c.predicate for c in p.claims if c.text == "about HK$5.9 billion"] == ["dividend_total"], show(p)


def test_a_share_read_where_no_share_was_sought_is_no_count():
    """"Overall global shipments rose 4% to 307 million units": no count of 4, and the market's
    total is no company's."""
    p = claims_of("Overall global shipments rose 4% to 307 million units, Harbor Data said.", D)
    assert not any(c.text == "4" for c in p.claims) and not any(c.predicate == "sales" for c in p.claims), show(p)


def test_a_gain_after_huo_names_no_investor():
    """不法获利约11.8亿元: 获利 is a gain; 利约 is no company."""
    from verifier.claims.entities import learn_article
    from verifier.text.fold import fold

    text = "判决指出，陈冠廷于2024年出脱持股，不法获利约11.8亿元，投资人损失估计达34亿元。泊岸科技获腾讯投资2亿元。"
    names = {n[0] for n in learn_article(text, fold(text)).names}
    assert "利约" not in names and "腾讯" in names, names


def test_a_close_the_conversion_price_is_set_against_is_not_it():
    """"an initial conversion price of HK$46.80, a premium of 27.5% over the stock's close of HK$36.71"."""
    p = claims_of("Fenwick Motors Ltd's initial conversion price of HK$46.80 represents a premium of 27.5% over the "
                  "stock's Tuesday close of HK$36.71.", D)
    assert [c.text for c in p.claims if c.predicate == "conversion_price"] == ["HK$46.80"], show(p)


def test_a_discount_to_the_close_and_to_an_average_are_two():
    """折让14.6% to the last close, 折让约12.9% to the five-day average: two figures; a headline's
    undated 14.6% still meets another paper's 16.4% to the close."""
    p = claims_of("泓基生物（Wangkei Biotech）配售价较周一收市价4.74港元折让14.6%，较前五个交易日平均收市价4.65港元折让约12.9%。", D)
    assert sorted((c.text, c.scope.get("sort"), c.scope.get("when")) for c in p.claims
                  if c.predicate == "placement_discount") == [("14.6%", "close", None), ("约12.9%", "average", None)], show(p)
    _, findings = compared("placement_discount",
                           a="泓基生物（Wangkei Biotech）折讓14.6%配售新股\n\n泓基生物配售价较周一收市价折让14.6%。",
                           b="泓基生物（Wangkei Biotech）配售价较前一交易日收盘价4.74港元折让16.4%。")
    assert [f.verdict for f in findings] == ["contradict"], findings


def test_a_discount_s_base_told_after_it_and_one_to_the_ex_rights_price():
    """"a 21.4% discount to Tuesday's close" names its base after the word; 较理论除权价折让 and
    "to the theoretical ex-rights price" is a third base; "a dividend of 30 cents and a special
    dividend" leaves the first unsorted."""
    p = claims_of("Harwell Energy Ltd said the subscription price is a 21.4% discount to Tuesday's close of HK$2.10, "
                  "and a discount of 15.2% to the theoretical ex-rights price.", D)
    assert sorts(p, "placement_discount") == \
        [("15.2%", "ex-rights"), ("21.4%", "close")], show(p)
    zh = claims_of("瀚威能源（Harwell Energy）供股认购价每股1.65港元，较周二收市价折让21.4%，较理论除权价约1.95港元折让约15.2%。", D)
    assert sorts(zh, "placement_discount") == \
        [("21.4%", "close"), ("约15.2%", "ex-rights")], show(zh)
    div = claims_of("Harwell Energy Ltd will pay a dividend of 30 cents and a special dividend of 10 cents.", D)
    assert sorts(div, "dividend") == \
        [("10 cents", "special"), ("30 cents", None)], show(div)


def test_a_chinese_clause_without_a_subject_goes_on_at_the_time_of_the_one_before():
    """公司去年曾…配售新股，集资3.5亿港元: the money raised is last year's, not this offer's; a death
    toll is as of when it is told, not the day of the fire."""
    p = claims_of("瀚威能源（Harwell Energy）周二公布供股计划。公司去年曾以每股2.3港元配售新股，集资4.6亿港元。", D)
    assert [c.scope.get("when") for c in p.claims if c.predicate == "funding"] == ["2023-01-01/2023-12-31"], show(p)
    own = claims_of("瀚威能源（Harwell Energy）周二公布供股计划。公司去年曾配售新股，本次供股将集资4.6亿港元。", D)
    assert [c.scope.get("when") for c in own.claims if c.predicate == "funding" and c.kind == "money"] == [None], show(own)
    fire = claims_of("瀚威能源（Harwell Energy）一间仓库周二发生火灾，造成5人死亡。", D)
    assert [c.scope.get("when") for c in fire.claims if c.predicate == "deaths"] == [None], show(fire)


def test_years_at_the_company_and_years_in_the_post_are_two_figures():
    """在X任职19年 / "has been with the company for 19 years" against 担任总裁12年 / "has led X for
    12 years"; 任职约11年 after 担任总裁 goes on with the post; a figure of no stated sort meets either."""
    zh = claims_of("瀚澄集团（Hancheng Group）总裁周慕远（Zhou Muyuan）今年58岁，在瀚澄任职达19年，担任总裁12年。", D)
    assert sorts(zh, "tenure") == \
        [("12年", "post"), ("19年", "company")], show(zh)
    en = claims_of("Zhou Muyuan, 58, who has led Hancheng Group for 12 years and has been with the company for 19 "
                   "years, will step down.", D)
    assert sorts(en, "tenure") == \
        [("12 years", "post"), ("19 years", "company")], show(en)
    chained = claims_of("瀚澄集团（Hancheng Group）总裁周慕远（Zhou Muyuan）自2014年起担任总裁，任职约12年。", D)
    assert [(c.text, c.scope.get("sort")) for c in chained.claims if c.predicate == "tenure"] == [("约12年", "post")], \
        show(chained)
    _, findings = compared("tenure", a="瀚澄集团（Hancheng Group）总裁周慕远（Zhou Muyuan）在瀚澄任职达19年。",
                           b="Zhou Muyuan, the chief executive of Hancheng Group, has led the company for 12 years.")
    assert not findings, findings
    _, findings = compared("tenure", a="Zhou Muyuan, the chief executive of Hancheng Group, has led the company for 12 years.",
                           b="瀚澄集团（Hancheng Group）总裁周慕远（Zhou Muyuan）已在任9年。")
    assert [f.verdict for f in findings] == ["contradict"], findings
    _, findings = compared("tenure", a="Zhou Muyuan, the chief executive of Hancheng Group, has led the company for 12 years.",
                           b="瀚澄集团（Hancheng Group）总裁周慕远（Zhou Muyuan）任职9年。")
    assert [f.verdict for f in findings] == ["contradict"], findings  # a figure of no stated sort meets either


def test_joining_the_company_and_taking_the_post_are_two_dates():
    """"joined Hancheng in 2007" and 自2015年起担任总裁 are two dates; "joined Hancheng as chief
    executive in 2015" is the post's."""
    p = claims_of("Zhou Muyuan joined Hancheng Group as chief executive in 2015. Lin Ke joined Hancheng Group in 2007.", D)
    assert sorted((c.subject, c.scope.get("sort")) for c in p.claims if c.predicate == "joined") == \
        [("Lin Ke", "company"), ("Zhou Muyuan", "post")], show(p)
    _, findings = compared("joined", a="Zhou Muyuan joined Hancheng Group in 2007.",
                           b="瀚澄集团（Hancheng Group）总裁周慕远（Zhou Muyuan）自2015年起担任总裁。")
    assert not findings, findings


def test_share_awards_valued_at_are_no_valuation():
    """"share awards valued at HK$26.3 million" is the awards' value; "the deal values Jingyue at" the
    company's."""
    p = claims_of("Lanhai Technology Ltd's package comprised a performance bonus of HK$14.5 million and share awards "
                  "valued at HK$26.3 million.", D)
    assert not any(c.predicate == "valuation" for c in p.claims), show(p)
    p = claims_of("The deal values Orlen Photonics Inc at $1.8 billion including debt.", D)
    assert has(p, "valuation", "Orlen Photonics", "$1.8 billion"), show(p)


def test_a_word_of_a_places_name_is_no_company():
    """"based in New York", "offices in New York and London": York is no company."""
    from verifier.claims.entities import learn_article
    from verifier.text.fold import fold

    text = ("Harbor Peak Ltd, based in New York, hired a banker. The firm has offices in New York and London. "
            "New York-based Harbor Peak manages money.")
    learned = learn_article(text, fold(text))
    assert "York" not in learned.tokens and not any(n[0] == "York" for n in learned.names), learned


def test_starting_a_day_founds_nothing():
    """"replace a faulty sensor free of charge starting Nov. 16" is from that day, no founding; "when it
    started in 2015" and "helped start Halcyra" are."""
    p = claims_of("Dealers of Norvik Motors Inc will replace a faulty sensor free of charge starting Nov. 16.", D)
    assert not any(c.predicate == "founded" for c in p.claims), show(p)
    p = claims_of("Maya Reyes helped start Halcyra Labs Inc in 2019.", D)
    assert has(p, "founded", "Halcyra Labs", "2019"), show(p)


def test_money_read_as_a_number_is_no_count():
    """"sold US$800 million of bonds": money where the sentence sought counts, no units sold."""
    p = claims_of("In January Fenwick Motors Ltd sold US$800 million of bonds due 2030 with a 1.25% coupon.", D)
    assert not any(c.predicate == "sales" for c in p.claims), show(p)


def test_a_rivals_investment_is_not_the_articles_company():
    """上月，竞争对手斯特拉托网络宣布在得州投资50亿美元: a rival's, not the company the article is about."""
    p = claims_of("云谷系统（Cirrusvale Systems）将投资120亿美元兴建数据中心。上月，竞争对手斯特拉托网络宣布在得州投资50亿美元。", D)
    assert not any("50亿" in c.text for c in p.claims), show(p)


def test_a_title_case_wire_lead_is_a_dateline_not_an_event():
    """"Kaohsiung, March 4 (Wire) The court on Tuesday jailed…": the lead's day is the article's, no
    event's; the weekday in the sentence is the event's."""
    from verifier.text.dateline import find
    from verifier.text.fold import fold
    from verifier.text.furniture import classify, is_prose

    text = "Court jails trader\n\nKaohsiung, March 4 (Wire) The district court on Tuesday jailed Hsu Wen-li for six years.\n"
    found = find(text, fold(text), classify(text, fold(text)), is_prose)
    assert found is not None and (found.month, found.day, found.place) == (3, 4, "Kaohsiung")
    assert text[found.start:found.end].startswith("Kaohsiung, March 4 (Wire)")
    p = claims_of(text, D)
    assert not any("March 4" in c.text for c in p.claims), show(p)
    # a sentence that opens on a place and a date with no agency in brackets is text
    text = "Court jails trader\n\nKaohsiung, March 4 was the day the district court jailed Hsu Wen-li.\n"
    assert find(text, fold(text), classify(text, fold(text)), is_prose) is None


def test_money_embezzled_is_neither_the_fine_nor_the_company():
    """"fined him NT$12 million for embezzling NT$95 million": the second sum is what was taken."""
    p = claims_of("The court fined Hsu Wen-li NT$12 million for embezzling NT$95 million from Tairong Textiles Co.", D)
    assert [(c.predicate, c.text) for c in p.claims if "95" in c.text] == [("embezzlement", "NT$95 million")], show(p)
    assert has(p, "fine", "Hsu Wen-li", "NT$12 million"), show(p)
    p = claims_of("檢方指出，前會計主任許文莉在五年間侵占台榮紡織公司資金9500萬元。", D)
    assert [(c.predicate, c.subject) for c in p.claims] == [("embezzlement", "许文莉")], show(p)


def test_a_term_told_right_before_in_prison_is_the_sentence_however_far_its_verb():
    """"sentenced X (…), the former treasurer of Y, to six years in prison": the term is the
    sentence's; "spent six years in prison" is no time in a post."""
    p = claims_of("The court sentenced Hsu Wen-li (許文莉), the former chief accountant of listed Tairong Textiles Co., "
                  "to six years in prison on Tuesday.", D)
    assert has(p, "prison_sentence", "Hsu Wen-li", "six years"), show(p)
    p = claims_of("Hsu Wen-li, who spent six years in prison, now runs Tairong Textiles Co.", D)
    assert not any(c.predicate == "tenure" for c in p.claims), show(p)
    # the words take a term only: no date after them is the sentence's
    p = claims_of("The former trader Hsu Wen-li died in prison in March 2021.", D)
    assert not any(c.predicate == "prison_sentence" for c in p.claims), show(p)


def test_a_films_opening_day_takings_are_no_directors_pay():
    """"The film, directed by Lu Qingshan, earned 280 million yuan on its opening day": the film's
    takings, not the director's pay (he "earned 12 million yuan last year" is)."""
    p = claims_of("Director Lu Qingshan, 51, spent four years on the film. The film, produced by Tianmu Pictures Ltd and "
                  "directed by Lu Qingshan, earned 280 million yuan on its opening day.", D)
    assert not any(c.predicate in ("compensation", "tenure") for c in p.claims), show(p)  # (nor is the film's making a post)
    p = claims_of("Lu Qingshan spent 11 years at Tianmu Pictures Ltd before he left.", D)
    assert has(p, "tenure", "Lu Qingshan", "11 years"), show(p)
    p = claims_of("Director Lu Qingshan earned 12 million yuan last year, Tianmu Pictures Ltd said.", D)
    assert has(p, "compensation", "Lu Qingshan", "12 million yuan"), show(p)


def test_pre_orders_are_a_count_of_their_own_and_a_markets_part_is_a_part():
    """预购首日订单逾150万台，其中中国内地约60万台; "drew 1.5 million pre-orders": pre-orders, not sales or
    customers; the mainland's is a part."""
    p = claims_of("星岚科技（Xinglan Tech）旗下Nova 5手机开放预购，首日订单逾150万台，其中中国内地约60万台。", D)
    got = sorted((c.text, c.scope.get("of")) for c in p.claims if c.predicate == "pre_orders")
    assert ("逾150万台", None) in got and ("约60万台", "in:china") in got, show(p)
    assert not any(c.predicate in ("sales", "customers") for c in p.claims), show(p)
    _, findings = compared("pre_orders", a="星岚科技（Xinglan Tech）Nova 5手机开放预购，首日订单达150万台。",
                           b="星嵐科技（Xinglan Tech）Nova 5手機開放預購，首日訂單達180萬台。")
    assert [f.verdict for f in findings] == ["contradict"], findings


def test_a_fine_waived_for_leniency_is_no_share_discount():
    """"won a 30% leniency discount", 获宽免30%: part of a fine forgiven, compared as such."""
    p = claims_of("Brightfold Packaging Ltd, the first to report the cartel, received a 30% leniency discount.", D)
    assert [(c.predicate, c.text) for c in p.claims] == [("penalty_reduction", "30%")], show(p)
    _, findings = compared("penalty_reduction", a="Brightfold Packaging Ltd received a 30% leniency discount.",
                           b="明褶包装（Brightfold Packaging）作为首家举报者，获宽免40%。")
    assert [f.verdict for f in findings] == ["contradict"], findings


def test_jobs_a_chinese_plant_creates_are_read():
    """创造约2800个就业岗位 / 創造約兩千個就業機會: jobs created (创造 takes them only with a word of jobs after it)."""
    p = claims_of("沐川光电（Muchuan Optics）表示，新厂可创造约2800个就业岗位。", D)
    assert has(p, "jobs_created", "Muchuan Optics", "约2800个"), show(p)
    p = claims_of("沐川光電（Muchuan Optics）將創造約兩千個就業機會。", D)
    assert has(p, "jobs_created", "Muchuan Optics", "兩千個"), show(p)
    p = claims_of("沐川光电（Muchuan Optics）为客户提供约2800个型号的镜头。", D)
    assert not any(c.predicate == "jobs_created" for c in p.claims), show(p)


def test_a_place_before_a_known_chinese_name_is_the_same_company():
    """An article that writes 杭州瀾舟機器人 (learnt as a name of its own) names 澜舟机器人, which a gloss
    made Bluecrest Robotics: one company, not two."""
    from verifier.claims.entities import learn_article
    from verifier.pipeline import merge_index
    from verifier.text.fold import fold

    texts = ["澜舟机器人（Bluecrest Robotics）目前员工320人。",
             "杭州瀾舟機器人（Bluecrest Robotics）昨日宣布融資。杭州瀾舟機器人現時員工約230人。"]
    lessons = [learn_article(t, fold(t)) for t in texts]
    assert any(name == "杭州澜舟机器人" for name, *_ in lessons[1].names)  # (a name of its own, read from the text)
    index = merge_index(lessons)
    assert "杭州澜舟机器人" not in index.entities
    index = index.ready()
    found = index.mentions(texts[1], fold(texts[1]))
    assert found and {m.entity for m in found} == {"Bluecrest Robotics"}, found


def test_a_valuation_before_the_money_is_not_compared_with_one_after_it():
    """"a pre-money valuation of $415 million" and 投后估值5.5亿美元 are two figures; a valuation that
    says neither is the one after the money."""
    _, findings = compared("valuation", a="The round values Kestrelline Inc at $500 million, a pre-money valuation of $420 million.",
                           b="本轮融资后，Kestrelline投后估值为5.5亿美元。")
    pairs = {tuple(sorted(f.claims)) for f in findings if f.verdict == "contradict"}
    assert len(findings) == 1 and findings[0].verdict == "contradict", findings
    claims, _ = compared("valuation", a="The round values Kestrelline Inc at $500 million, a pre-money valuation of $420 million.")
    assert sorted(c.scope.get("sort") or "" for c in claims) == ["", "pre-money"], claims
    assert pairs


def test_a_startup_seeking_money_from_investors_seeks_no_damages():
    p = claims_of("Kestrelline Inc had initially sought about $60 million before demand from investors let it raise more.", D)
    assert not any(c.predicate == "damages" for c in p.claims), show(p)
    p = claims_of("Dana Ruiz sued Kestrelline Inc on Monday, seeking $12 million.", D)
    assert has(p, "damages", "Dana Ruiz", "$12 million"), show(p)


def test_an_interim_chief_from_a_day_is_an_appointment_that_day():
    """"will serve as interim chief executive from July 1", 将自7月1日起出任临时CEO, 將由7月1日起署理: the
    day the post is taken (not the start of a tenure told with 自…起); "served as CFO from 2019 to
    2024" is a past post, no appointment."""
    for text in ("Norvale Freight Inc said finance chief Ada Lind will serve as interim chief executive from July 1.",
                 "诺维物流（Norvale Freight）宣布，财务总监林雅（Ada Lind）将自7月1日起出任临时首席执行官。",
                 "諾維物流（Norvale Freight）表示，財務總監林雅（Ada Lind）將由7月1日起署理行政總裁。"):
        p = claims_of(text, D)
        assert [(c.predicate, c.subject, c.value.model_dump()["start"][5:]) for c in p.claims] == \
            [("appointed", "Ada Lind", "07-01")], show(p)
    p = claims_of("Ada Lind served as chief financial officer of Norvale Freight Inc from 2019 to 2024.", D)
    assert not any(c.predicate == "appointed" for c in p.claims), show(p)


def test_a_merger_by_absorption_is_an_acquisition_whose_close_is_told():
    """港峰资本将以换股方式吸收合并朗明银行（Lumen Bank），交易预计于2027年第二季度完成: the bank is taken
    over, and the deal's close is its (a gloss after 吸收合并 names the bank)."""
    p = claims_of("港川控股（Gangchuan Holdings）将以换股方式吸收合并朗溪银行（Langxi Bank），交易预计于2027年第二季度完成。", D)
    assert [(c.predicate, c.subject) for c in p.claims] == [("deal_close", "Langxi Bank")], show(p)


def test_a_departure_to_come_or_in_effect_from_a_day_is_the_last_day():
    """"will retire on June 30", 将于6月30日退休, "resigned, effective March 1": the day it takes effect
    (last_day); "said on Thursday he would step down" is the day it was told (departure)."""
    for text, day in (("Norvale Freight Inc said chief executive Ada Lind will retire on June 30.", "06-30"),
                      ("诺维物流（Norvale Freight）宣布，行政总裁林雅（Ada Lind）将于6月30日退休。", "06-30"),
                      ("Ada Lind resigned as chief executive of Norvale Freight Inc, effective March 1.", "03-01")):
        p = claims_of(text, D)
        assert [(c.predicate, c.value.model_dump()["start"][5:]) for c in p.claims] == [("last_day", day)], show(p)
    p = claims_of("Ada Lind said on Thursday she would step down from Norvale Freight Inc.", D)
    assert [c.predicate for c in p.claims] == ["departure"], show(p)


def test_a_word_ending_in_a_prepositions_character_is_no_preposition():
    """因违规行为对X处以罚款: 为 ends 行为 here, so X is still the one fined; 净损 is a loss, 职工 and 员工数
    are the staff."""
    p = claims_of("监管机构曾于2023年因违规行为对澜溪电子（Lanxi Electronics）处以1.2亿元罚款。", D)
    assert has(p, "fine", "Lanxi Electronics", "1.2亿元"), show(p)
    p = claims_of("澜溪电子（Lanxi Electronics）去年净损3.4亿元，现有职工约1800人。", D)
    assert has(p, "loss", "Lanxi Electronics", "3.4亿元") and has(p, "employees", "Lanxi Electronics", "1800人"), show(p)
    p = claims_of("瀾溪電子（Lanxi Electronics）員工數約1800人。", D)
    assert has(p, "employees", "Lanxi Electronics", "1800人"), show(p)


def test_each_part_of_a_semicolon_list_has_its_own_company():
    """X总资产…，员工12万人；Y总资产…，员工9万人: Y's staff are Y's, not the article's company's."""
    p = claims_of("澜溪集团（Lanxi Group）与鹤川集团（Hechuan Group）宣布合并。截至去年底，澜溪集团资产总额8000亿元，"
                  "职工12万人；鹤川集团资产总额5000亿元，职工9万人。", D)
    got = sorted((c.subject, c.text) for c in p.claims if c.predicate == "employees")
    assert got == [("Hechuan Group", "9万人"), ("Lanxi Group", "12万人")], show(p)


def test_two_people_leaving_together_each_leave_that_day():
    """总裁A与财务长B同步请辞, "chief executive A and finance chief B had both resigned": the day is
    each one's; a company's 公告 (announcement) on a day tells that day."""
    for text in ("澜溪电子（Lanxi Electronics）周二公告，总裁何文澜（He Wenlan）与财务长邵启明（Shao Qiming）同步请辞。",
                 "Lanxi Electronics Ltd said on Tuesday that chief executive He Wenlan and finance chief Shao Qiming "
                 "had both resigned."):
        p = claims_of(text, D)
        assert sorted((c.predicate, c.subject) for c in p.claims) == \
            [("departure", "He Wenlan"), ("departure", "Shao Qiming")], show(p)
    # the day a predecessor left is no one's named here (公司上一任财务总监于2020年离职)
    p = claims_of("澜溪电子（Lanxi Electronics）总裁何文澜（He Wenlan）周五宣布辞职。公司上一任财务总监于2020年离职。", D)
    assert [(c.subject, c.text) for c in p.claims] == [("He Wenlan", "周五")], show(p)


def test_a_total_told_beside_a_round_is_the_total_and_a_seed_round_is_one_in_both_languages():
    """"Including a $4 million seed round, it has raised $90 million in total", 连同种子轮累计融资9000万美元:
    the total, not the seed round's (which a source giving the seed round's own $4 million would
    otherwise contradict); 种子轮 and "seed round" are the same round."""
    claims, findings = compared("funding", a="Tallwick Robotics Inc raised $30 million in a Series A. Including a $4 million "
                                               "seed round, it has raised $90 million in total.",
                                b="塔维机器人（Tallwick Robotics）此前完成400万美元种子轮融资，连同种子轮累计融资9000万美元。")
    assert sorted((c.source, c.scope.get("of")) for c in claims if c.value.amount in (4e6, 9e7)) == \
        [("a", "round:seed"), ("a", "total"), ("b", "round:seed"), ("b", "total")], claims
    assert not any(f.verdict == "contradict" for f in findings), findings
    assert any(f.verdict == "agree" and f.scope.get("of") == "round:seed" for f in findings), findings


def test_each_round_told_in_one_sentence_keeps_its_own_name_and_year():
    """"$25 million in a Series A in 2023 and $70 million in a Series B in 2024", 分别完成2500万美元A轮和
    7000万美元B轮融资, 2023年完成…A轮融资，2024年完成…B轮融资: each figure its round and year; a round
    after a comparison (较C轮) is the compared figure's."""
    p = claims_of("Tallwick Robotics Inc raised $25 million in a Series A in 2023 and $70 million in a Series B in 2024.", D)
    got = {(c.text, c.scope.get("of"), c.scope.get("when", "")[:4]) for c in p.claims if c.kind == "money"}
    assert got == {("$25 million", "round:a", "2023"), ("$70 million", "round:b", "2024")}, show(p)
    p = claims_of("塔维机器人（Tallwick Robotics）此前分别完成2500万美元A轮和7000万美元B轮融资。", D)
    assert sorted((c.text, c.scope.get("of")) for c in p.claims) == [("2500万美元", "round:a"), ("7000万美元", "round:b")], show(p)
    p = claims_of("塔维机器人（Tallwick Robotics）2023年完成2500万美元A轮融资，2024年完成7000万美元B轮融资。", D)
    assert {(c.text, c.scope.get("of")) for c in p.claims if c.kind == "date"} == {("2023年", "round:a"), ("2024年", "round:b")}, show(p)
    p = claims_of("塔维机器人（Tallwick Robotics）D轮估值跌至11亿美元 较C轮缩水逾三成", D)
    assert [(c.text, c.scope.get("of")) for c in p.claims] == [("11亿美元", "round:d")], show(p)


def test_a_quote_a_speech_verb_and_a_colon_open_is_that_speakers():
    """X表示：「…」另一家的主席Y则未有回应 / 'X said: "…" Y did not respond': X's words, not the one who
    did not respond after them."""
    for text in ("澜溪电子（Lanxi Electronics）行政总裁邵文澜（Shao Wenlan）表示：「我们的报价是最终报价。」"
                 "竞购对手的主席陈志远则未有回应。",
                 "Lanxi Electronics Ltd chief executive Shao Wenlan said: \"Our offer is final.\" The rival bidder's "
                 "chairman, Chen Zhiyuan, did not respond."):
        p = claims_of(text, D)
        assert [(c.predicate, c.subject) for c in p.claims] == [("said", "Shao Wenlan")], show(p)
    # a quote with its speaker after it is still read so
    p = claims_of("\"Our offer is final,\" Shao Wenlan, chief executive of Lanxi Electronics Ltd, said.", D)
    assert [(c.predicate, c.subject) for c in p.claims] == [("said", "Shao Wenlan")], show(p)


def test_a_headcount_that_stood_at_a_figure_is_the_staff():
    """"its headcount stood at about 2,100", "its workforce was about 2,100": the staff; "owes workers
    about 160 million yuan" is money owed, no staff."""
    for text in ("Lanxi Electronics Ltd's headcount stood at about 2,100 at the end of June.",
                 "Lanxi Electronics Ltd said its workforce was about 2,100."):
        p = claims_of(text, D)
        assert [(c.predicate, c.value.value) for c in p.claims] == [("employees", 2100)], show(p)
    p = claims_of("Lanxi Electronics Ltd owes workers about 160 million yuan in unpaid wages.", D)
    assert not any(c.predicate == "employees" for c in p.claims), show(p)


def test_who_stands_in_after_you_and_a_role_is_not_the_one_who_left():
    # 由 + a role + the name: the one who takes the post; the one leaving is given no appointment
    p = claims_of("北岭食品周二公告，财务总监林秀芬辞职，其职务暂由副总裁许立峰代理。", D)
    assert not [c for c in p.claims if c.predicate == "appointed" and c.subject == "林秀芬"], show(p)
    assert has(p, "departure", "林秀芬", "周二"), show(p)


def test_a_post_held_since_a_year_is_its_start_in_every_english_shape():
    # "since 2019" is a start: a joining (the post's), never the date of a departure told beside it
    p = claims_of("Orlen Grid Inc chief executive Vera Lund, in charge since 2019, said on Monday she would retire.", D)
    assert not [c for c in p.claims if c.predicate == "departure" and "2019" in c.text], show(p)
    for text in ("Vera Lund has been chief financial officer of Orlen Grid Inc since 2019.",
                 "Vera Lund has run Orlen Grid Inc since 2019.",
                 "Vera Lund has led Orlen Grid Inc since 2019."):
        q = claims_of(text, D)
        assert [(c.predicate, c.subject, c.scope.get("sort")) for c in q.claims] == [("joined", "Vera Lund", "post")], show(q)
    # "has been" before no post is no tenure
    r = claims_of("Orlen Grid Inc has been fined three times since 2019.", D)
    assert not [c for c in r.claims if c.predicate in ("joined", "tenure")], show(r)
    # an age between a name and its relative clause: the clause is still that name's
    s = claims_of("Ana Qent takes office in August. She succeeds Tomas Brayne, 66, who has been president since 2017.", D)
    assert has(s, "joined", "Tomas Brayne", "2017"), show(s)
    assert not has(s, "joined", "Ana Qent", "2017"), show(s)


def test_a_namesake_told_apart_keeps_its_own_figures():
    # an English disclaimer: the pronoun in the clause describing the other company is that company
    p = claims_of("Tarnby Networks will cut about 900 jobs. Tarnby is not related to Tarnbey Electronics, a "
                  "Kaohsiung parts maker that said last week it would cut 150 jobs.", D)
    assert has(p, "layoffs", "Tarnbey Electronics", "150 jobs"), show(p)
    assert not has(p, "layoffs", "Tarnby Networks", "150 jobs"), show(p)
    # a Chinese name with the same first characters and another organisation word is another company,
    # even when it spells the Latin name glossed on the first (and a modifier before it ends at 的)
    z = claims_of("岚桥微系统（Lanqiao Microsystems）周二公布业绩，营收30亿元。另外，名称相近的岚桥电子本周三公布营收12亿元。", D)
    assert not has(z, "revenue", "Lanqiao Microsystems", "12亿元"), show(z)
    assert has(z, "revenue", "Lanqiao Microsystems", "30亿元"), show(z)
    # the same first characters and the same organisation word: one company told shorter
    sources = [read_source(Path("en.txt"), {"published": D}, text="Taiwan's regulator fined Yonglan Commercial Bank "
                           "T$12 million on Tuesday. In March 2024, it fined Yonglan T$8 million."),
               read_source(Path("zh.txt"), {"published": D}, text="台湾永岚商业银行周二被罚1200万元新台币。"
                           "2024年3月，永岚银行曾被罚800万元新台币。")]
    prepared, _ = extract_sources(sources, registry=[])
    assert {c.subject for q in prepared for c in q.claims if c.predicate == "fine"} == {"Yonglan Commercial Bank"}, \
        [show(q) for q in prepared]


def test_a_price_compared_with_the_offer_price_is_the_markets():
    p = claims_of("Brindle Foods shares closed at HK$9.10 against an offer price of HK$8.00, and touched HK$9.80, "
                  "or 22% above the IPO price, in early trade.", D)
    assert [c.text for c in p.claims if c.predicate == "offer_price"] == ["HK$8.00"], show(p)
    assert has(p, "share_price", "Brindle Foods", "HK$9.80"), show(p)
    z = claims_of("布林德食品（Brindle Foods）要约价较停牌前收市价4.10港元溢价30%。", D)
    assert not has(z, "offer_price", "Brindle Foods", "4.10港元"), show(z)


def test_a_weekday_begun_in_hong_kong_when_new_york_dated_the_story_is_that_day():
    # Tuesday 22:15 in New York is Wednesday morning in Hong Kong: "on Wednesday" is that Wednesday
    text = ("Updated Tue, 1 Dec 2026 22:15 EST\n\nNEW YORK — Shares of Brindle Foods rose 12% in their Hong Kong "
            "trading debut on Wednesday.\n")
    source = read_source(Path("wire.txt"), {}, text=text)
    prepared, _ = extract_sources([source], registry=[])
    (c,) = [c for c in prepared[0].claims if c.kind == "date" or c.value.kind == "percent"][:1]
    assert c.scope.get("when") == "2026-12-02", show(prepared[0])
    # at 9:15 in New York it is 22:15 in Hong Kong: Wednesday is still the one before
    noon = read_source(Path("wire.txt"), {}, text=text.replace("22:15", "09:15"))
    prepared, _ = extract_sources([noon], registry=[])
    (c,) = [c for c in prepared[0].claims if c.value.kind == "percent"][:1]
    assert c.scope.get("when") == "2026-11-25", show(prepared[0])


def test_money_raised_since_the_founding_is_the_total():
    for text in ("Brindle Labs has raised HK$300 million since its founding in 2018.",
                 "布林德实验室（Brindle Labs）成立以来共获得3亿港元融资。"):
        p = claims_of(text, D)
        assert [c.scope.get("of") for c in p.claims if c.predicate == "funding"] == ["total"], show(p)


def test_a_stake_told_with_its_dilution_is_the_one_before_it():
    for text, before, after in (("罗雅文（Ava Lo）所持15%股权被摊薄至约5%。", "15%", "约5%"),
                                ("Ava Lo's 15% stake in Brindle Labs was diluted to about 5%.", "15%", "about 5%")):
        p = claims_of(text, D)
        whens = {c.text: c.scope.get("when") for c in p.claims if c.predicate == "stake"}
        assert whens == {before: "before", after: None}, show(p)


def test_a_stake_held_directly_and_one_held_with_others_are_two_figures():
    p = claims_of("布林德工业（Brindle Industrial）公告显示，罗氏家族直接持股20.5%，连同信托合计持有约31.2%。", D)
    assert sorts(p, "stake") == [("20.5%", "direct"), ("约31.2%", "combined")], show(p)


def test_a_market_value_is_neither_a_rounds_nor_a_deals_valuation():
    p = claims_of("布林德光电（Brindle Optics）公告前市值约300亿元，交易对布林德光电的估值约为360亿元。", D)
    assert sorts(p, "valuation") == [("约300亿元", "market"), ("约为360亿元", None)], show(p)


def test_what_analysts_expected_and_a_change_in_points_are_no_level():
    p = claims_of("Brindle Chips reported revenue of 3.2 billion yuan, beating the 3.1 billion yuan analysts had expected.", D)
    assert [c.text for c in p.claims if c.predicate == "revenue"] == ["3.2 billion yuan"], show(p)
    z = claims_of("布林德芯片（Brindle Chips）毛利率为28.5%，较去年同期提升2.5个百分点。", D)
    assert [c.text for c in z.claims if c.predicate == "gross_margin"] == ["28.5%"], show(z)


def test_a_place_and_its_figure_alone_in_a_list_are_that_regions_part():
    p = claims_of("布林德网络（Brindle Networks）按地区划分，台湾裁员420人；东南亚200人；欧洲90人。", D)
    assert {c.text: c.scope.get("of") for c in p.claims if c.predicate == "layoffs"} == {
        "420人": "in:taiwan", "200人": "in:southeast asia"} | ({"90人": "in:europe"} if has(p, "layoffs", "Brindle Networks", "90人") else {}), show(p)


def test_an_age_at_death_is_no_toll_and_workers_who_died_are_no_staff():
    p = claims_of("Brindle Mills chairman Oren Vale dies at 87. Oren Vale, who founded Brindle Mills Co in 1968 and became "
                  "chairman in 1981, died on Saturday.", D)
    assert not [c for c in p.claims if c.predicate == "deaths"], show(p)
    assert has(p, "appointed", "Oren Vale", "1981") and not has(p, "founded", "Brindle Mills", "1981"), show(p)
    q = claims_of("Eleven workers died at the Brindle Mills Co plant on Saturday.", D)
    assert [c.predicate for c in q.claims] == ["deaths"], show(q)


def test_a_product_unveiled_is_launched_and_orders_are_counted_in_their_own_word():
    p = claims_of("布林德（Brindle）的Z5於台北時間9月15日上午在紐約發表，預購開放首24小時即湧入80萬筆訂單。", D)
    assert has(p, "launch", "Z5", "9月15日上午") and has(p, "pre_orders", "Z5", "80萬筆"), show(p)
    q = claims_of("布林德（Brindle）周一发表声明称，Z5销售良好。", D)
    assert not [c for c in q.claims if c.predicate == "launch"], show(q)


def test_a_rivals_unnamed_chief_and_a_series_period_are_not_the_articles_person():
    p = claims_of("Brindle Freight chief executive Oren Vale resigned on Monday, weeks after the chief executive of rival "
                  "Harbour Lines quit in January. His departure is the second at the top of a logistics company this year.", D)
    assert [c.text for c in p.claims if c.predicate == "departure"] == ["Monday"], show(p)
    z = claims_of("布林德货运（Brindle Freight）行政总裁区志恒周一辞职。同业海港航运的行政总裁亦于1月宣布离职。", D)
    assert [c.text for c in z.claims if c.predicate == "departure"] == ["周一"], show(z)


def test_a_company_that_is_listed_is_no_listing_that_day():
    p = claims_of("Shares of Brindle Tech, which is listed in Taipei, rose 2.1% on Tuesday.", D)
    assert not [c for c in p.claims if c.predicate == "ipo"], show(p)
    assert has(claims_of("Brindle Tech listed in Taipei on Tuesday.", D), "ipo", "Brindle Tech", "Tuesday")


def test_each_company_fined_in_a_list_gets_its_own_amount():
    p = claims_of("The regulator fined insurer Brindle Life T$9 million and broker Harbour Securities T$2.5 million on Tuesday.", D)
    assert {c.text: c.subject for c in p.claims if c.predicate == "fine" and c.kind == "money"} == {
        "T$9 million": "Brindle Life", "T$2.5 million": "Harbour Securities"}, show(p)
    z = claims_of("金管会同日重罚两业者　布林德人寿罚900万元、海港证券250万元", D)
    assert {c.text: c.subject for c in z.claims if c.predicate == "fine"} == {"900万元": "布林德人寿", "250万元": "海港证券"}, show(z)
    # a name after a preposition is the object, not the next item of a list
    q = claims_of("Harbour Group has agreed to invest $500 million in Brindle Semiconductor.", D)
    assert has(q, "investment", "Brindle Semiconductor", "$500 million"), show(q)


def test_a_share_of_one_places_staff_is_that_places():
    p = claims_of("布林德网络（Brindle Networks）将在全球裁员900人，约占员工总数的10%。其位于昆山的工厂将裁减400人，"
                  "裁员比例约为当地员工的18%。", D)
    assert {c.text: c.scope.get("of") for c in p.claims if c.predicate == "layoffs" and c.value.kind == "percent"} == {
        "10%": None, "18%": "in:昆山"}, show(p)


def test_a_name_with_its_group_word_is_the_name_another_source_gives_without_it():
    sources = [read_source(Path("en.txt"), {"published": D}, text="A consortium has offered HK$7.80 a share to take "
                           "Brindle Cold Chain Holdings private, valuing the shares it does not own at HK$4.1 billion."),
               read_source(Path("zh.txt"), {"published": D}, text="港股上市公司布林德冷链控股（Brindle Cold Chain）公告，"
                           "财团提出以每股7.60港元私有化公司。")]
    prepared, _ = extract_sources(sources, registry=[])
    subjects = {c.subject for q in prepared for c in q.claims if c.predicate == "offer_price"}
    assert len(subjects) == 1 and subjects <= {"Brindle Cold Chain", "Brindle Cold Chain Holdings"}, [show(q) for q in prepared]
    # the value of the shares a bidder does not own is no valuation of the company
    assert not [c for q in prepared for c in q.claims if c.predicate == "valuation"], [show(q) for q in prepared]


def test_the_parts_of_a_count_are_no_totals():
    p = claims_of("泊岸化工（Orlen Chemicals）仓库爆炸已造成5人死亡、41人受伤，其中6人送医抢救，2人伤势危重。", D)
    assert [c.text for c in p.claims if c.predicate == "injuries"] == ["41人"], show(p)
    e = claims_of("The blast at Orlen Chemicals killed five people and injured 41, of whom six were taken to hospital.", D)
    assert [c.text for c in e.claims if c.predicate == "injuries"] == ["41"], show(e)
    f = claims_of("At least 41 people were hurt in the blast at Orlen Chemicals, three of them critically.", D)
    assert [c.text for c in f.claims if c.predicate == "injuries"] == ["At least 41 people"], show(f)
    # a count of another thing before it is no whole of it: reports, then people burnt
    g = claims_of("泊岸家电（Orlen Appliances）已收到88起投诉，其中31人被烫伤。", D)
    assert [c.text for c in g.claims if c.predicate == "injuries"] == ["31人"], show(g)
    # a place's part keeps its own claim
    h = claims_of("泊岸科技（Orlen Tech）新机全球预订量突破20万台，其中中国大陆约8万台。", D)
    assert {c.scope.get("of") for c in h.claims if c.predicate == "pre_orders"} == {None, "in:china"}, show(h)


def test_a_breach_of_another_year_is_dated_and_compared_with_no_other():
    p = claims_of("Orlen Telecom said a 2022 leak exposed data of 300,000 customers.", D)
    assert [c.scope.get("when") for c in p.claims if c.predicate == "people_affected"] == ["2022-01-01/2022-12-31"], show(p)
    z = claims_of("泊岸电信（Orlen Telecom）遭黑客入侵，约250万用户的资料外泄。2022年该公司曾有30万名用户资料外流。", D)
    assert {c.text: c.scope.get("when") for c in z.claims if c.predicate in ("people_affected", "customers")} == {
        "约250万用户": None, "30万名用户": "2022-01-01/2022-12-31"}, show(z)
    # tokens stolen are no people affected
    q = claims_of("泊岸交易所（Orlen Exchange）一个热钱包被盗1200枚ETH。", D)
    assert not [c for c in q.claims if c.predicate == "people_affected"], show(q)


def test_a_market_close_is_no_deal_closing():
    lead = "Harbour Group agreed to acquire Orlen Logistics for HK$9 billion. "
    p = claims_of(lead + "The price is a 25% premium to Orlen's close of HK$4.10 on Monday.", D)
    assert not [c for c in p.claims if c.predicate == "deal_close"], show(p)
    q = claims_of(lead + "The deal is expected to close by March 31, 2025.", D)
    assert [c.text for c in q.claims if c.predicate == "deal_close"] == ["by March 31, 2025"], show(q)


def test_an_amount_in_yi_with_no_unit_is_likely_in_the_articles_currency():
    """票房8.4亿 in a mainland article is likely yuan: never compared with a figure in US dollars
    (it keeps no currency: 100亿投资OpenAI may well be dollars), still with one in yuan."""
    claims, findings = compared("box_office", a="《北岭》首周末票房8.4亿 刷新纪录",
                                b="片商表示，《北岭》全球首周末票房约1.9亿美元。")
    assert {c.value.currency for c in claims} == {None, "USD"}, claims
    assert any("+likely CNY" in c.why["value"] for c in claims), claims
    assert not [f for f in findings if f.verdict == "contradict"], findings
    _, findings = compared("box_office", a="《北岭》首周末票房8.4亿 刷新纪录", b="《北岭》首周末票房9.1亿元。")
    assert any(f.verdict == "contradict" for f in findings), findings


def test_a_figure_of_the_past_year_is_not_the_new_plans():
    claims, findings = compared("buyback", a="泊岸集团拟斥40亿港元回购股份。",
                                b="泊岸集团（Orlen Group）过去一年在15亿港元回购计划下累计买入2100万股。")
    assert {c.text: c.scope.get("when") for c in claims} == {"40亿港元": None, "15亿港元": "before"}, claims
    assert not [f for f in findings if f.verdict == "contradict"], findings


def test_a_debut_that_is_no_listing_and_a_rate_that_is_no_duration():
    p = claims_of("Winger Tomas Brill has scored 38 goals for Orlen United since his debut in 2020.", D)
    assert not [c for c in p.claims if c.predicate == "ipo"], show(p)
    q = claims_of("Shares of Orlen Robotics made their debut in Hong Kong on Tuesday.", D)
    assert [c.text for c in q.claims if c.predicate == "ipo"] == ["Tuesday"], show(q)
    r = claims_of("The strike at Orlen Airways will cost the carrier about T$95 million ($2.9 million) a day.", D)
    assert not [c for c in r.claims if c.predicate == "strike"], show(r)
    assert has(claims_of("Cabin crew at Orlen Airways went on strike for a day on Monday.", D), "strike", "Orlen Airways", "a day")


def test_where_and_which_models_are_no_number_of_units_recalled():
    p = claims_of("泊岸电子（Orlen Electronics）宣布在9个国家召回三款共约42万台充电宝。", D)
    assert [c.text for c in p.claims if c.predicate == "recall" and c.kind == "count"] == ["约42万台"], show(p)
    e = claims_of("Orlen Electronics is recalling about 420,000 power banks of three models sold in 9 countries.", D)
    assert [c.text for c in e.claims if c.predicate == "recall" and c.kind == "count"] == ["about 420,000 power banks"], show(e)


def test_a_legal_representatives_fine_is_his_and_a_vote_share_is_no_coupon():
    p = claims_of("泊岸化工（Orlen Chemicals）被罚款280万元，公司法定代表人魏志诚另被处以个人罚款15万元。", D)
    assert {c.text: c.subject for c in p.claims if c.predicate == "fine"} == {"280万元": "Orlen Chemicals", "15万元": "魏志诚"}, show(p)
    q = claims_of("泊岸地产（Orlen Land）票息6.75厘的2028年到期票据展期方案，获持有81%未偿还本金的债权人投票赞成。", D)
    assert [c.text for c in q.claims if c.predicate == "coupon"] == ["6.75厘"], show(q)
    z = claims_of("泊岸地产（Orlen Land）一笔境内债券获展期，持有人赞成比例为90%。", D)
    assert not [c for c in z.claims if c.predicate == "stake"], show(z)


def test_one_companys_chinese_name_glossed_short_and_in_full_is_one_company():
    sources = [read_source(Path("tw.txt"), {"published": D}, text="晶圓代工廠澄曜半導體（Chengyao）昨日宣布，將在德國興建新廠，創造約1,800個職位。"),
               read_source(Path("cn.txt"), {"published": D}, text="晶圆代工厂澄曜半导体（Chengyao Semiconductor）周四宣布，将在德国建厂，创造约2100个岗位。")]
    prepared, _ = extract_sources(sources, registry=[])
    assert {c.subject for q in prepared for c in q.claims} == {"Chengyao Semiconductor"}, [show(q) for q in prepared]
    # a union named after the company does not keep its short name from it
    e = claims_of("Orlen Airways cancelled 180 flights on Tuesday, the Orlen Cabin Crew Union said. "
                  "Orlen said about 31,000 passengers were affected.", D)
    assert {c.subject for c in e.claims if c.predicate == "people_affected"} == {"Orlen Airways"}, show(e)
    h = claims_of("內房澄曜集團（Chengyao Group）公布，其票息7.5厘的優先票據重組方案獲債權人通過。", D)
    assert {c.subject for c in h.claims} == {"Chengyao Group"}, show(h)


def test_this_times_figures_take_no_date_of_an_earlier_deal():
    p = claims_of("海港集团（Harbour Group）2023年5月从创始家族购入泊岸物流（Orlen Logistics）21.5%股权，今次提出收购其余股份，"
                  "较停牌前收市价4.2元溢价28.6%。", D)
    assert {c.text: c.scope.get("when") for c in p.claims if c.predicate in ("stake", "offer_premium")} == {
        "21.5%": "2023-05-01/2023-05-31", "28.6%": None}, show(p)
    # a closing price takes the price of its own clause, not the reckoning told before it
    q = claims_of("海港集团（Harbour Group）提出收购泊岸物流（Orlen Logistics）其余股份，按每股5.4元计，涉及约90亿元，"
                  "较停牌前收市价4.2元溢价28.6%。", D)
    assert [c.text for c in q.claims if c.predicate == "share_price"] == ["4.2元"], show(q)


def test_a_companys_first_words_are_the_company_not_a_person():
    p = claims_of("Orlen Wing swings to a loss.\nHONG KONG - Orlen Wing Airways (泊岸翼航空) posted a net loss of HK$420 million. "
                  "Smaller rival Orlen Jet Airlines had a load factor of 78%. Shares of Orlen Wing fell 2.3% on Thursday.", D)
    assert {c.subject for c in p.claims if c.predicate == "share_price_change"} == {"Orlen Wing Airways"}, show(p)


def test_a_wifes_and_an_accountants_sentences_are_theirs_and_probation_is_no_prison():
    p = claims_of("泊岸投资公司负责人魏国栋被判处有期徒刑12年。魏国栋之妻杜美华被判6年；会计邵俊贤被判2年6个月；"
                  "魏国栋胞弟魏国梁判刑1年、缓刑3年。", D)
    got = {(c.predicate, c.subject, c.text) for c in p.claims if c.predicate in ("prison_sentence", "probation")}
    assert got == {("prison_sentence", "魏国栋", "12年"), ("prison_sentence", "杜美华", "6年"), ("prison_sentence", "邵俊贤", "2年6个月"),
                   ("prison_sentence", "魏国梁", "1年"), ("probation", "魏国梁", "3年")}, show(p)


def test_a_fine_that_could_be_imposed_has_neither_amount_nor_day():
    p = claims_of("The regulator ordered Orlen Telecom to file a report within 30 days, by Dec. 20, and said it could fine "
                  "the carrier up to NT$20 million.", D)
    assert not [c for c in p.claims if c.predicate == "fine"], show(p)


def test_an_impairment_is_no_loss_and_a_profit_that_strips_out_losses_is_no_loss():
    p = claims_of("泊岸航空（Orlen Airways）第三季度录得净亏损5.4亿港元，主要由于为四架退役货机计提3.2亿港元减值。", D)
    assert {(c.predicate, c.text) for c in p.claims if c.predicate in ("loss", "impairment")} == {
        ("loss", "5.4亿港元"), ("impairment", "3.2亿港元")}, show(p)
    e = claims_of("Orlen Land's underlying profit, which strips out property revaluation losses, came in at HK$8.1 billion.", D)
    assert not [c for c in e.claims if c.predicate == "loss"], show(e)


def test_a_country_a_sentence_opens_on_is_the_place_of_its_figures():
    p = claims_of("BERLIN, June 3 (Reuters) - Orlen Automation will cut 3,600 jobs worldwide. China will bear the brunt "
                  "with 1,400 positions going, including 900 at its plant in Wuxi.", D)
    assert {c.text: c.scope.get("of") for c in p.claims if c.predicate == "layoffs" and c.kind == "count"} == {
        "3,600 jobs": None, "1,400 positions": "in:china"}, show(p)
    # not a dateline's city, a place that begins a company's name or describes the company after it
    q = claims_of("Taiwan solar maker Orlen Power to cut 300 jobs\n\nTAIPEI, June 3 (Reuters) - Taiwanese solar maker Orlen Power "
                  "said on Tuesday it would cut about 300 jobs.", D)
    assert {c.scope.get("of") for c in q.claims if c.predicate == "layoffs" and c.kind == "count"} == {None}, show(q)
    z = claims_of("泊岸自动化（Orlen Automation）全球裁员3600人，中国区裁1400人", D)
    assert {c.text: c.scope.get("of") for c in z.claims if c.predicate == "layoffs"} == {"3600人": None, "1400人": "in:china"}, show(z)


def test_severance_in_euros_is_no_head_count_and_exports_are_a_part_of_deliveries():
    p = claims_of("泊岸自动化（Orlen Automation）宣布全球裁员。泊岸裁3600人，遣散费3.2亿欧元", D)
    assert not [c for c in p.claims if c.predicate == "layoffs" and c.value.kind == "count" and c.value.value > 10000], show(p)
    e = claims_of("Orlen Motors delivered 31,250 vehicles in November. Overseas deliveries were 7,480.", D)
    assert {c.text: c.scope.get("sort") for c in e.claims if c.predicate == "sales"} == {"31,250 vehicles": None, "7,480": "export"}, show(e)


def test_words_that_look_like_an_event_and_say_another_thing():
    # a share of revenue is no change of it; a filing for approval is no approval; patients enrolled are no hires
    assert not [c for c in claims_of("Orlen Semiconductor said Chinese customers made up about 27% of its revenue last year.", D).claims
                if c.predicate.endswith("_change")]
    assert not [c for c in claims_of("Orlen Therapeutics plans to file for approval in Japan in 2028.", D).claims
                if c.predicate == "approval"]
    assert not [c for c in claims_of("泊岸生物（Orlen Bio）表示，三期研究共招募960名患者。", D).claims if c.predicate == "jobs_created"]
    # 付费用户 are paying users (no 费用), and subscribing to a plan is no investment
    p = claims_of("泊岸视频（Orlen Video）第三季度月活为4.1亿，付费用户3200万。", D)
    assert not [c for c in p.claims if c.predicate == "cost"], show(p)
    q = claims_of("Orlen Video said paying users, who subscribe to its ad-free plan, reached 32 million at the end of June.", D)
    assert not [c for c in q.claims if c.predicate == "investment"], show(q)
    # a fine someone urged, and the year of the revenue a fine is compared with, are no fine of the company
    r = claims_of("A shoppers' group urged the regulator to impose a fine of close to 2 billion euros on Orlen Group.", D)
    assert not [c for c in r.claims if c.predicate == "fine"], show(r)
    z = claims_of("欧盟对泊岸集团（Orlen Group）处以9.6亿欧元罚款，该罚款相当于其2025年全球营收的3.1%。", D)
    assert [c.text for c in z.claims if c.predicate == "fine"] == ["9.6亿欧元"], show(z)


def test_cancelled_orders_are_worth_their_own_figure():
    claims, findings = compared("orders_cancelled", a="Orlen Semiconductor said customers had cancelled orders worth T$8.4 billion.",
                                b="泊岸半导体（Orlen Semiconductor）表示，新规将影响约20%的营收，已有客户取消订单，涉及金额约84亿新台币。")
    assert {c.text for c in claims} == {"T$8.4 billion", "约84亿新台币"}, claims
    assert findings and all(f.verdict != "contradict" for f in findings), findings
    assert not [c for c in claims_of("泊岸半导体（Orlen Semiconductor）今年获得订单50亿元。", D).claims if c.predicate == "orders_cancelled"]


def test_a_wire_line_that_goes_on_with_its_filing_time_dates_the_article():
    """"NEW YORK (AP) — Published 9:47 PM EST, Sunday, November 8, 2026" on a line of its own: the
    article's day and clock, so "on Sunday" in its text is that Sunday."""
    from verifier.text.dateline import find
    from verifier.text.fold import fold
    from verifier.text.furniture import classify, is_prose

    for line, want in (("NEW YORK (AP) — Published 9:47 PM EST, Sunday, November 8, 2026", (2026, 11, 8, "America/New_York")),
                       ("BERLIN (AFP) - Wed, 24 Jun 2026 15:20 CEST", (2026, 6, 24, "Europe/Berlin"))):
        text = f"Orlen Shipping files for bankruptcy\n\n{line}\n\nOrlen Shipping filed for bankruptcy on Sunday.\n"
        found = find(text, fold(text), classify(text, fold(text)), is_prose)
        assert found is not None and (found.year, found.month, found.day, found.tz) == want, (line, found)
        assert text[found.start:found.end] == line


def test_a_surname_two_people_share_is_the_one_named_last_and_two_joinings_are_two():
    p = claims_of("TAIPEI, April 14 (Reuters) - Orlen Semiconductor said its chief financial officer Wei Pei-shan will run the "
                  "company on an interim basis. Wei, 52, has been CFO for five years. Rival Harbour Tech named 57-year-old "
                  "Howard Wei as its chief executive last month.", D)
    assert {(c.predicate, c.subject, c.text) for c in p.claims if c.predicate == "born"} == {
        ("born", "Wei Pei-shan", "52"), ("born", "Howard Wei", "57-year-old")}, show(p)
    claims, findings = compared("joined", a="Ada Lun joined Orlen Motors in 2018 and joined Harbour Robotics on June 1.",
                                b="伦雅（Ada Lun）2018年加入泊岸汽车（Orlen Motors）。")
    assert {(c.text, c.scope.get("of")) for c in claims} == {
        ("in 2018", "org:Orlen Motors"), ("June 1", "org:Harbour Robotics"), ("2018年", "org:Orlen Motors")}, claims
    assert findings and all(f.verdict != "contradict" for f in findings), findings


def test_traps_of_results_rounds_and_listings():
    # 首九个月 in a results story is the year's first nine months, not the quarter the article told
    p = claims_of("泊岸电子（Orlen Electronics）第三季度收入86亿元。首九个月收入241亿元，按年增加9.1%。", dt.date(2026, 10, 30))
    assert {c.text: c.scope.get("when") for c in p.claims if c.predicate == "revenue"} == {
        "86亿元": "2026-07-01/2026-09-30", "241亿元": "2026-01-01/2026-09-30"}, show(p)
    # full-year guidance is a forecast; what would follow an over-allotment is no amount raised
    g = claims_of("泊岸电子（Orlen Electronics）将全年收入指引上调至330亿至340亿元。", D)
    assert all(c.scope.get("tense") for c in g.claims if c.predicate == "revenue"), show(g)
    q = claims_of("泊岸机器人（Orlen Robotics）此次全球发售集资48亿港元；若超额配股权获悉数行使，集资额将增至约55亿港元。", D)
    assert [c.text for c in q.claims if c.predicate == "funding"] == ["48亿港元"], show(q)
    assert [c.kind for c in claims_of("若干名员工将离职，泊岸机器人（Orlen Robotics）裁员约120人。", D).claims
            if c.predicate == "layoffs"] == ["count"]
    # a share price range is no amount raised; a target is no amount raised
    e = claims_of("Orlen Robotics priced its shares at HK$19.40 each, against an indicative range of HK$17.60 to HK$21.80, "
                  "raising HK$4.8 billion. It had initially set out to raise HK$4.2 billion.", D)
    assert {c.text for c in e.claims if c.predicate == "funding" and c.kind == "money" and not c.scope.get("tense")} == {"HK$4.8 billion"}, show(e)
    # a place after the verb that follows the figure
    z = claims_of("Orlen Automation will cut about 4,000 jobs worldwide. A further 900 jobs will be cut in China.", D)
    assert {c.text: c.scope.get("of") for c in z.claims if c.predicate == "layoffs"} == {"about 4,000 jobs": None, "900 jobs": "in:china"}, show(z)


def test_a_chinese_articles_date_a_day_after_an_american_one_is_its_clock():
    claims, findings = compared("funding", {"a": dt.date(2024, 9, 9), "b": dt.date(2024, 9, 10)},
                                a="SAN FRANCISCO, Sept 9 (Reuters) - Orlen Robotics said on Monday it had raised $90 million in a Series B round.",
                                b="泊岸机器人（Orlen Robotics）于9月10日宣布完成9000万美元B轮融资。")
    dated = [f for f in findings if any(c.kind == "date" for c in claims if c.id in f.claims)]
    assert dated and all(f.verdict != "contradict" for f in dated), findings
