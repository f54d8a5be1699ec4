"""Web pages: trafilatura's main-text extraction against tags stripped + our own chrome cleaner.

Run by hand:  .venv/bin/python bench/compare_html.py [--corpus ../shared/corpus]
This machine cannot fetch web pages, so the "saved pages" are built here: speeches from the
corpus set in three layouts modelled on pages staff save (a 文库 document page, a government
news page, a forum/blog post with <br> lines), each with the chrome such pages carry. Both ways
then go through speeches.ingest.parse_bytes. Counted: the share of the speech's paragraphs that
come through (recall) and the chrome lines that survive (leaks). Writes nothing.
"""
import argparse
import html
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROME = ["首页 > 文库 > 党政范文 > 讲话稿", "VIP专享文档，下载券可用", "本文来源：网络，版权归原作者所有",
          "相关文档推荐：2021年工作总结范文大全", "点击下载完整版", "分享到微信朋友圈", "版权所有 某某市人民政府 ICP备12345678号",
          "上一篇：关于做好春节期间安全生产工作的通知", "网友评论：写得很好，学习了！", "热门标签：讲话稿 领导讲话"]
BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "tr", "article", "section", "header", "footer", "nav", "td"}


class TagStripper(HTMLParser):
    """The plain way: drop script/style, keep every text node, one line per block element."""

    def __init__(self):
        super().__init__()
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")
        if tag in BLOCKS:
            self.out.append("\n")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style")
        if tag in BLOCKS:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def wenku(title, paragraphs):
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}_文库</title><script>var ad=1;</script></head><body>"
            f"<div class='crumb'>{CHROME[0]}</div><div class='vip'>{CHROME[1]}</div><h1>{title}</h1>"
            f"<div class='content'>{body}</div><div class='src'>{CHROME[2]}</div><div class='dl'>{CHROME[4]}</div>"
            f"<aside><h3>{CHROME[3]}</h3><ul><li>{CHROME[7]}</li><li>某县2022年经济工作会议讲话</li></ul></aside>"
            f"<div class='tags'>{CHROME[9]}</div></body></html>")


def government(title, paragraphs):
    body = "".join(f"<p style='text-indent:2em'>{html.escape(p)}</p>" for p in paragraphs)
    menu = "".join(f"<li><a href='/{i}'>{name}</a></li>" for i, name in enumerate(["首页", "政务公开", "新闻中心", "办事服务", "互动交流"]))
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><header><ul>{menu}</ul></header>"
            f"<article><h1>{title}</h1><div class='info'>发布时间：2021-03-05 来源：市政府办公室 字号：大 中 小</div>{body}"
            f"<div class='share'>{CHROME[5]}</div></article><div class='prev'>{CHROME[7]}</div>"
            f"<footer>{CHROME[6]}</footer></body></html>")


def forum(title, paragraphs):
    body = "<br>".join(html.escape(p) for p in paragraphs)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title} - 范文论坛</title></head><body>"
            f"<div id='nav'>{CHROME[0]}</div><div class='post'><h2>{title}</h2><div class='msg'>{body}</div></div>"
            f"<div class='reply'>{CHROME[8]}</div><div class='reply'>顶一个，收藏了</div><div class='side'>{CHROME[3]}</div>"
            f"<div class='foot'>{CHROME[6]}</div></body></html>")


def paragraphs_of(path: Path, limit: int = 60) -> list[str]:
    lines = [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
    return lines[:limit]


def score(text: str, paragraphs: list[str]) -> tuple[float, int]:
    flat = text.replace("\n", "")
    body = [p for p in paragraphs if len(p) >= 10]
    recall = sum(p[:40].replace(" ", "") in flat.replace(" ", "") for p in body) / max(1, len(body))
    leaks = sum(chrome in text for chrome in CHROME)
    return recall, leaks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    args = parser.parse_args()
    import trafilatura

    from speeches.ingest import parse_bytes

    corpus = Path(args.corpus)
    picks = [sorted((corpus / folder).glob("*.txt"))[index] for folder, index in
             (("cpc", 0), ("xi2020", 3), ("xwlb", 5), ("mao", 10), ("gwr", 1), ("xi2020", 20))]
    rows = []
    for path in picks:
        paragraphs = paragraphs_of(path)
        title = paragraphs[0][:40]
        for layout in (wenku, government, forum):
            page = layout(title, paragraphs)
            stripper = TagStripper()
            stripper.feed(page)
            plain = "".join(stripper.out)
            extracted = trafilatura.extract(page, include_comments=False, include_tables=True, favor_recall=True) or ""
            results = []
            for text in (plain, extracted):
                speeches = parse_bytes(text.encode(), filename=path.name) if text.strip() else []
                joined = "\n".join(s.text for s in speeches)
                results.append(score(joined, paragraphs))
            rows.append((f"{path.parent.name}/{path.name}", layout.__name__, *results[0], *results[1]))
    print("| page | layout | strip+clean recall | strip+clean chrome kept | trafilatura+clean recall | trafilatura+clean chrome kept |")
    print("|---|---|---|---|---|---|")
    for name, layout, r1, l1, r2, l2 in rows:
        print(f"| {name} | {layout} | {r1:.0%} | {l1} | {r2:.0%} | {l2} |")
    n = len(rows)
    print(f"| **all {n}** | | {sum(r[2] for r in rows) / n:.0%} | {sum(r[3] for r in rows)} |"
          f" {sum(r[4] for r in rows) / n:.0%} | {sum(r[5] for r in rows)} |")


if __name__ == "__main__":
    main()
