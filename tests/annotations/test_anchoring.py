"""Re-anchoring on literal strings (no Django): a set of edits, each with the expected outcome.

In an edited text the words a note must land on are written between ⟦ and ⟧; a case without
brackets expects the note to be detached. A note attached anywhere else is on the wrong words.
"""
import re

import pytest

from annotations.anchoring import Placement, Quote, quote_at, reanchor

S1 = "同志们：今天召开全市经济工作会议，主要任务是总结今年工作，部署明年任务。"
S2 = ("一是持续优化营商环境。要深化“放管服”改革，推进政务服务“一网通办”，让企业办事更便捷。\n"
      "二是扩大有效投资。要抓好重大项目建设，确保项目早开工、早投产。")
S3 = "三是保障和改善民生。要稳定就业，办好民生实事，让就业困难人员也能实现就业。"
ORIGINAL = {"s0": S1, "s1": S2, "s2": S3}


def note(anchor: str, words: str, occurrence: int = 1) -> Quote:
    text = ORIGINAL[anchor]
    start = -1
    for _ in range(occurrence):
        start = text.index(words, start + 1)
    return quote_at(text, start, start + len(words), anchor=anchor)


def edited(**sections: str) -> tuple[dict[str, str], tuple[str, int, int] | None]:
    """Sections with ⟦expected words⟧ marked in one of them (or none: expect detached)."""
    texts, expected = {}, None
    for anchor, text in sections.items():
        match = re.search("⟦(.*?)⟧", text)
        if match:
            expected = (anchor, match.start(), match.start() + len(match.group(1)))
            text = text.replace("⟦", "").replace("⟧", "")
        texts[anchor] = text
    return texts, expected


NOTE_A = note("s1", "推进政务服务“一网通办”")
NOTE_B = note("s1", "抓好重大项目建设")
NOTE_C = note("s2", "稳定就业")
NOTE_D = note("s2", "就业", occurrence=3)  # the last 就业 of 实现就业

CASES = {
    "unchanged": (NOTE_A, edited(s0=S1, s1=S2.replace("推进政务服务“一网通办”", "⟦推进政务服务“一网通办”⟧"), s2=S3)),
    "insertion before the quote, same paragraph": (NOTE_A, edited(
        s0=S1, s1=S2.replace("要深化", "要坚定不移、持之以恒地深化").replace("推进政务", "⟦推进政务").replace("通办”，", "通办”⟧，"),
        s2=S3)),
    "insertion of a paragraph before": (NOTE_B, edited(
        s0=S1, s1=S2.replace("\n二是", "\n同时要看到，困难和挑战依然不少。\n二是").replace("抓好重大项目建设", "⟦抓好重大项目建设⟧"),
        s2=S3)),
    "new section before: anchors shift": (NOTE_C, edited(
        s0=S1, s1="一是稳住经济大盘。要狠抓落实。", s2=S2, s3=S3.replace("要稳定就业", "要⟦稳定就业⟧"))),
    "text right before the quote rewritten, suffix intact": (NOTE_B, edited(
        s0=S1, s1=S2.replace("要抓好重大", "必须坚决⟦抓好重大").replace("项目建设，", "项目建设⟧，"), s2=S3)),
    "context edited on both sides, words intact": (NOTE_A, edited(
        s0=S1, s1=S2.replace("要深化", "要坚定不移深化").replace("让企业办事", "让群众和企业办事")
        .replace("推进政务服务“一网通办”", "⟦推进政务服务“一网通办”⟧"), s2=S3)),
    "quote edited: one character": (NOTE_A, edited(
        s0=S1, s1=S2.replace("推进政务服务“一网通办”", "⟦推动政务服务“一网通办”⟧"), s2=S3)),
    "words added right after the quote: it stays on its words": (NOTE_A, edited(
        s0=S1, s1=S2.replace("推进政务服务“一网通办”", "⟦推进政务服务“一网通办”⟧“跨省通办”"), s2=S3)),
    "quote edited: words added inside": (NOTE_A, edited(
        s0=S1, s1=S2.replace("推进政务服务“一网通办”", "⟦推进政务服务“一网通办、一次办成”⟧"), s2=S3)),
    "quote rewritten entirely": (NOTE_A, edited(
        s0=S1, s1=S2.replace("推进政务服务“一网通办”", "加快建设数字政府，完善在线平台"), s2=S3)),
    "quote deleted, context kept": (NOTE_A, edited(
        s0=S1, s1=S2.replace("推进政务服务“一网通办”，", ""), s2=S3)),
    "paragraph deleted": (NOTE_B, edited(s0=S1, s1=S2.split("\n")[0], s2=S3)),
    "section deleted": (NOTE_C, edited(s0=S1, s1=S2)),
    "paragraph deleted, quote repeated elsewhere": (NOTE_C, edited(
        s0=S1, s1=S2 + "\n三是千方百计稳定就业。", s2="三是推进乡村振兴。")),
    "quote repeated elsewhere, own passage moved": (NOTE_C, edited(
        s0=S1 + "稳定就业是头等大事。", s1=S2,
        s2="这一年，民生保障有力。" + S3.replace("要稳定就业", "要⟦稳定就业⟧"))),
    "short quote repeated in its own section": (NOTE_D, edited(
        s0=S1, s1=S2, s2="三是保障和改善民生，这是根本。" + S3[10:].replace("实现就业", "实现⟦就业⟧"))),
    "passage copied into two other sections, original gone": (NOTE_C, edited(
        s0=S1 + "要稳定就业，办好民生实事", s1=S2 + "要稳定就业，办好民生实事", s2="三是推进乡村振兴。")),
    "look-alike passage: same words, different surroundings": (NOTE_B, edited(
        s0=S1, s1=S2.split("\n")[0] + "\n二是抓好重大项目建设的前期工作。", s2=S3)),
}


@pytest.mark.parametrize("name", list(CASES))
def test_edit(name):
    quote, (texts, expected) = CASES[name]
    placement = reanchor(quote, texts)
    if expected is None:
        assert placement.detached, (name, placement, texts.get(placement.anchor, "")[placement.start:placement.end])
    else:
        assert (placement.anchor, placement.start, placement.end) == expected, (
            name, placement, texts.get(placement.anchor, "")[placement.start:placement.end])


def test_no_note_lands_on_wrong_words():
    """The whole set: moved or detached, and 0 notes anchored to the wrong words."""
    outcomes = {"exact": 0, "moved": 0, "fuzzy": 0, "detached": 0, "wrong": 0}
    for quote, (texts, expected) in CASES.values():
        placement = reanchor(quote, texts)
        right = (placement.anchor, placement.start, placement.end) == expected if expected else placement.detached
        outcomes["wrong" if not right else placement.how] += 1
    assert outcomes["wrong"] == 0, outcomes
    assert outcomes["detached"] >= 6 and outcomes["moved"] + outcomes["fuzzy"] >= 8, outcomes


def test_exact_position_first():
    quote = note("s1", "推进政务服务“一网通办”")
    assert reanchor(quote, ORIGINAL) == Placement("s1", quote.start, quote.end, "exact")


def test_a_whole_section_as_quote_needs_no_context():
    quote = quote_at("稳定就业", 0, 4, anchor="s2")
    assert reanchor(quote, {"s1": "序言。", "s2": "稳定就业"}).how == "exact"
    assert reanchor(quote, {"s1": "稳定就业", "s2": "别的"}).anchor == "s1"


def test_empty_quote_and_long_quote():
    assert reanchor(Quote(anchor="s1", exact=""), ORIGINAL).detached
    long_text = "".join(chr(0x4E00 + i % 997) for i in range(3000))
    quote = quote_at(long_text, 10, 2000, anchor="s1")
    assert reanchor(quote, {"s1": "短" + long_text}).how == "moved"
    assert reanchor(quote, {"s1": "别的文字"}).detached
