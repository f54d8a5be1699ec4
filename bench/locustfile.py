"""Readers searching: 8 clients hitting the results page with a mix of real queries.

Run by bench/load.sh (locust headless against `make serve`); figures in docs/PERFORMANCE.md.
More than 200 distinct requests: words, quoted phrases, single characters, the same with a
speaker or year filter, pages 1–3. Each client picks at random, as readers would; a query that
repeats is served again (no cache in the app), which is what real readers get.
"""
import random

from locust import HttpUser, between, task

WORDS = """发展 改革 开放 经济 人民 社会主义 建设 创新 安全 民生 就业 教育 医疗 农业 农村 工业 科技 文化
生态 环境 法治 党的领导 群众 干部 作风 腐败 扶贫 脱贫 小康 现代化 市场 企业 投资 消费 财政 税收 金融 外贸 城市
城镇化 交通 能源 粮食 水利 住房 养老 卫生 体育 国防 军队 外交 统一 台湾 香港 改革开放 高质量发展 供给侧 新发展理念
共同富裕 乡村振兴 一带一路 人类命运共同体 实事求是 群众路线 调查研究 五年计划 国民经济 工作报告 政府 人大 政协 监督
民主 协商 制度 治理 体制 机制 质量 效益 速度 结构 调整 转型 升级""".split()
PHRASES = ['"全面建成小康社会"', '"改革开放"', '"实事求是"', '"为人民服务"', '"以经济建设为中心"', '"四个现代化"',
           '"社会主义市场经济"', '"依法治国"', '"从严治党"', '"稳中求进"', '"深化改革"', '"扩大内需"',
           '"科教兴国"', '"可持续发展"', '"生态文明"', '"国有企业"', '"基础设施"', '"对外开放"',
           '"精准扶贫"', '"民族团结"', '"思想解放"', '"党风廉政建设"', '"经济体制改革"', '"人民代表大会"']
CHARACTERS = list("税粮钢煤油电水路桥港稳进改革法德美农兵学医")
YEARS = [str(y) for y in range(1954, 2026, 2)]


def queries() -> list[dict]:
    rnd = random.Random(13)
    plain = [{"q": q} for q in WORDS + PHRASES + CHARACTERS]
    with_year = [{"q": rnd.choice(WORDS), "year": y} for y in YEARS]
    two_words = [{"q": f"{a} {b}"} for a, b in zip(rnd.sample(WORDS, 45), rnd.sample(WORDS, 45))]
    return plain + with_year + two_words


QUERIES = queries()


class Reader(HttpUser):
    wait_time = between(0, 0)  # as fast as answers come: 8 busy readers

    def on_start(self):
        found = self.client.get("/api/search", params={"q": "发展"}, name="/api/search (setup)").json()
        self.speakers = [f["value"] for f in found["facets"].get("speaker", [])[:15]] or [""]

    @task(10)
    def search(self):
        params = dict(random.choice(QUERIES))
        if random.random() < 0.15 and self.speakers != [""]:
            params["speaker"] = random.choice(self.speakers)
        params["page"] = random.choice([1, 1, 1, 2, 3])
        with self.client.get("/search", params=params, name="/search", catch_response=True) as response:
            if response.status_code == 200 and "<html" not in response.text[:200]:
                response.failure("not a page")

    @task(1)
    def api(self):
        self.client.get("/api/search", params=random.choice(QUERIES), name="/api/search")
