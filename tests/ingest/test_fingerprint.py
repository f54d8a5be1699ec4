from speeches.ingest.fingerprint import K, VARIANT_THRESHOLD, minhash, similarity

A = "同志们：今天我们召开政府全体会议，主要任务是进一步统一思想、凝心聚力，牢记嘱托再出发，感恩奋进开新局。" * 3
B = "大家都知道，由于疫情的原因，今年的经济工作会推迟到今天召开，此前我们采取视频会议的形式进行了部署。" * 3


def test_signature_is_stable_and_bounded():
    varied = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(5000))
    assert minhash(A) == minhash(A) and len(minhash(varied)) == K
    assert list(minhash(A)) == sorted(minhash(A))


def test_punctuation_spacing_and_masks_do_not_matter():
    assert similarity(minhash(A), minhash(A.replace("，", ",").replace("：", ": "))) == 1.0


def test_identical_near_and_unrelated():
    near = A.replace("统一思想", "统一认识").replace("全体会议", "XX全体会议")
    assert similarity(minhash(A), minhash(A)) == 1.0
    assert similarity(minhash(A), minhash(near)) > VARIANT_THRESHOLD
    assert similarity(minhash(A), minhash(B)) < 0.05


def test_empty_and_short():
    assert minhash("") == () and similarity((), minhash(A)) == 0.0
    assert similarity(minhash("讲话"), minhash("讲话")) == 1.0
