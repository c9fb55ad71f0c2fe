"""The fast paths of classify give exactly what the plain computation gives (issue 16, speed).

Each test recomputes one thing the slow, obvious way and demands equality to the last bit:
the block scoring of the model, its explanations, its rounding, and the ASCII tokenizer.
"""

from __future__ import annotations

import heapq
import importlib
import io
import json
import math
import random

import numpy as np
import pytest

from brug.text import Classifier
from brug.text.corpus import load_corpus
from brug.text.model import bigram_keys, load, mask_groups, round3, token_features
from brug.text.normalise import Doc

normalise_module = importlib.import_module("brug.text.normalise")  # (brug.text.normalise is a function)
tone_module = importlib.import_module("brug.text.tone")
clf = Classifier()
model = load()
TEXTS = [item.text for item in load_corpus()[:300]]
pytestmark = pytest.mark.skipif(model is None, reason="geen model")


def plain_rows(tokens: list[str]) -> tuple[list[list[float]], list[list[float]], float]:
    """Per token and per word pair its weights, straight from the model's weight matrix."""
    assert model is not None
    W, frow, missing = model._W, model._feature_row, len(model._W) - 1
    masked = mask_groups(tokens)
    token_weights = []
    for token in masked:
        rows = [frow[f] for f in token_features(token) if f in frow]
        token_weights.append(W[rows].sum(axis=0).tolist() if rows else [0.0] * model.width)
    pair_rows = [frow.get(key, missing) for key in bigram_keys(masked)]
    return token_weights, W[pair_rows].tolist(), 1.0 / math.sqrt(max(1, len(tokens)))


def test_block_scores_are_bit_for_bit_the_sums_of_each_message():
    assert model is not None
    rules = [clf.rules(text) for text in TEXTS]
    total, parts = model.decisions([(r["doc"].tokens, r["extras"]) for r in rules])
    W = model._W
    for r, row in zip(rules, total, strict=True):
        tokens, extras = r["doc"].tokens, r["extras"]
        token_weights, pair_weights, scale = plain_rows(tokens)
        t = np.asarray(token_weights).sum(axis=0) if tokens else np.zeros(model.width)
        b = np.asarray(pair_weights).sum(axis=0) if len(tokens) > 1 else np.zeros(model.width)
        expected = (t + b) * scale + model._bias
        extra = np.zeros(model.width)
        for name, value in extras.items():
            extra = extra + W[model._feature_row.get(name, len(W) - 1)] * value
        assert np.array_equal(row, expected + extra), r["doc"].text


def plain_contributions(tokens: list[str], extras: dict[str, float], i: int) -> dict[str, float]:
    """The explanation's sums as first written: one dict, occurrence by occurrence."""
    assert model is not None
    token_weights, pair_weights, scale = plain_rows(tokens)
    masked = mask_groups(tokens)
    summed: dict[str, float] = {}
    for name, weights in zip(masked, token_weights, strict=True):
        if weights[i]:
            summed[name] = summed.get(name, 0.0) + weights[i] * scale
    for a, b, weights in zip(masked, masked[1:], pair_weights, strict=False):
        if weights[i]:
            name = bigram_keys([a, b])[0][2:].replace("_", " ")
            summed[name] = summed.get(name, 0.0) + weights[i] * scale
    for name, value in extras.items():
        w = model._W[model._feature_row.get(name, len(model._W) - 1), i]
        if w and value:
            summed[name] = summed.get(name, 0.0) + float(w) * value
    return summed


def test_explanations_equal_the_plain_dict_and_heap_selection():
    assert model is not None
    rules = [clf.rules(text) for text in TEXTS]
    scored = model.predict_many([(r["doc"].tokens, r["extras"]) for r in rules])
    for r, s in zip(rules, scored, strict=True):
        for i, label in enumerate(model.labels):
            summed = plain_contributions(r["doc"].tokens, r["extras"], i)
            assert list(s._parts.contributions(i).items()) == list(summed.items())
            # explain's one-pass split equals filtering the evidence list by sign
            items = s._parts.evidence(i, least=0.004)
            split = ([x for x in items if x[1] > 0], [x for x in items if x[1] < 0])
            assert s._parts.sides(i, 0.004) == split
            positive = [x for x in summed.items() if x[1] > 0]
            negative = [x for x in summed.items() if x[1] < 0]
            if s.probabilities[label] >= 0.5:
                chosen = heapq.nlargest(3, positive, key=lambda x: x[1])
                chosen += [min(negative, key=lambda x: x[1])] if negative else []
            else:
                chosen = heapq.nsmallest(3, negative, key=lambda x: x[1])
                chosen += [max(positive, key=lambda x: x[1])] if positive else []
            expected = [(n, round(v, 2)) for n, v in chosen if round(v, 2)]
            assert s.explain(label).evidence == expected, (r["doc"].text, label)
    # Both ways of summing a word's weights ran: messages with a word twice, and without.
    repeated = [s._parts._repeated for s in scored]
    assert any(repeated) and not all(repeated)


def test_one_message_alone_scores_as_inside_a_block():
    alone = [clf.classify(text).to_dict() for text in TEXTS[:80]]
    assert [c.to_dict() for c in clf.classify_many(TEXTS[:80])] == alone


def test_round3_is_pythons_round_also_at_halves():
    rng = np.random.default_rng(16)
    halves = np.arange(0, 1000) / 1000.0 + 0.0005
    values = np.concatenate(
        [
            rng.random(20_000),
            rng.random(20_000) ** 8,
            halves,
            np.nextafter(halves, 0.0),
            np.nextafter(halves, 1.0),
            np.arange(0, 1001) / 1000.0,
            [0.0, 1.0, 5e-324],
        ]
    ).reshape(-1, 1)
    rounded = round3(values)
    assert [row[0] for row in rounded] == [round(v, 3) for v in values[:, 0].tolist()]


def test_ascii_tokenizing_equals_the_general_path():
    n = normalise_module

    def general(text: str) -> list[str]:
        cleaned = n._MENTION.sub(" ", n._URL.sub(" ", n._strip(text)))
        return n._TOKEN.findall(cleaned.replace("-", " "))

    rng = random.Random(16)
    pieces = ["Wethouder", "AZC", "'s", "m'n", "`t", "#Stikstof", "@jan_de_vries", "HTTPS://x.nl/a-b", "www.Brug.nl",
              "anti-overheid", "k-woord", "!!", "?", "'t", "12", "é", "＃tag", "😡", "\n", " ", "  "]  # fmt: skip
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(3000)] + TEXTS
    # ASCII only (the ASCII pattern): clitics, apostrophes and underscores in every position
    ascii_pieces = ["Wethouder", "azc", "'s", "'S", "'t", "'k", "'m", "'n", "'x", "''", "'", "m'n", "O'Neil",
                    "rock'n'roll", "x'", "_", "a_b", "#", "##a", "#a_b", "#_", "#Tag'", "42", "4'2", "!", "?",
                    ".", ",", "-", "`t", "@jan", "http://x.nl", " ", "  ", "\n", "\t"]  # fmt: skip
    texts += ["".join(rng.choice(ascii_pieces) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    assert sum(text.isascii() for text in texts) > 5000
    for text in texts:
        assert normalise_module.tokenize(text) == general(text), text


def test_query_index_finds_every_query_that_evaluating_all_would_find():
    """The matcher evaluates only queries indexed under a word they cannot do without (chosen to
    avoid frequent words); evaluating every query must give the same matches."""
    from brug.text.matcher import _eval
    from brug.text.normalise import Doc

    matcher = clf._matcher
    texts = TEXTS + [item.text for item in load_corpus()[300:]]
    for text in texts:
        doc = Doc.of(text)
        hits = matcher.hits(doc)
        every = [qi for qi in range(len(matcher)) if _eval(matcher._compiled[qi], hits)]
        assert matcher.match(doc, hits) == every, text


def plain_tone(doc: Doc) -> tuple[float, list[str]]:
    """score_tone as first written: one walk over every token."""
    entries = [tone_module._entry(t) for t in doc.tokens]
    assessments: list[tuple[list[str], float, float]] = []
    previous_known = False
    negation_at = -10
    for index, (token, entry) in enumerate(zip(doc.tokens, entries, strict=True)):
        if token in tone_module.NEGATIONS:
            negation_at = index
            previous_known = False
            continue
        if entry is None:
            previous_known = False
            continue
        polarity, intensity = entry
        if previous_known and assessments:
            words, _, prev_intensity = assessments[-1]
            assessments[-1] = ([*words, token], max(-1.0, min(1.0, polarity * prev_intensity)), intensity)
        else:
            assessments.append(([token], polarity, intensity))
        if index - negation_at <= 3:
            words, polarity, intensity = assessments[-1]
            assessments[-1] = (["niet", *words], -0.5 * polarity, intensity)
            negation_at = -10
        previous_known = True
    scored = [(w, p) for w, p, _ in assessments if p != 0.0]
    if not scored:
        return 0.0, []
    score = sum(p for _, p in scored) / len(scored)
    score *= 1.0 + 0.05 * min(3, doc.text.count("!"))
    score = max(-1.0, min(1.0, score))
    return round(score, 3), [f"{' '.join(w)} ({p:+.2f})" for w, p in scored]


def test_tone_walk_over_known_words_equals_the_walk_over_every_token():
    rng = random.Random(16)
    pieces = ["niet", "geen", "nooit", "heel", "erg", "mooi", "slecht", "vreselijk", "zeer", "goed",
              "de", "wethouder", "is", "!", "😡", "blij", "niks", "echt", "super", "gezellige"]  # fmt: skip
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(3000)]
    texts += [item.text for item in load_corpus()]
    chained = negated = 0
    for text in texts:
        doc = Doc.of(text)
        expected = plain_tone(doc)
        assert tone_module.score_tone(doc) == expected, text
        chained += any(" " in line.removeprefix("niet ").split(" (")[0] for line in expected[1])
        negated += any(line.startswith("niet ") for line in expected[1])
    assert chained > 100 and negated > 100  # chains of known words and negations were both met


def plain_stream(lines: list[str]) -> tuple[list[dict[str, object]], list[str]]:
    """classify_stream as first written: json.loads per line, {"id", **to_dict()} per message."""
    out: list[dict[str, object]] = []
    errors: list[str] = []
    ids, texts = [], []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError('verwacht een object met een tekstveld "text"')
        except ValueError as exc:
            errors.append(f"regel {number}: overgeslagen: {exc}")
            continue
        ids.append(item.get("id"))
        texts.append(item["text"])
    for id_, result in zip(ids, clf.classify_many(texts), strict=True):
        out.append({"id": id_, **result.to_dict()})
    return out, errors


def test_stream_reading_and_writing_equal_json_loads_and_to_dict():
    from brug.text.__main__ import classify_stream

    lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(TEXTS[:70])]
    lines += [
        '  {"id": "spatie vooraf", "text": "azc"}\n',
        '{"id": "spatie achteraf", "text": "azc"}  \n',
        '{"id": "tab", "text": "azc"}\t\n',
        '{"id": "crlf", "text": "azc"}\r\n',
        '{"id": "zonder regeleinde", "text": "azc"}',
        '{"id": "nbsp", "text": "azc"}\u00a0\n',
        '\ufeff{"id": "bom", "text": "azc"}\n',
        '{"id": 1}{"id": 2}\n',
        '{"id": "dubbel", "text": "a", "text": "windmolens"}\n',
        '{"id": [1, {"a": null}], "text": "leeg \\u00e9 \\ud83d\\ude21"}\n',
        '{"id": 5, "text": "kapot\n',
        "[1, 2]\n",
        '"tekst"\n',
        "kapot\n",
        "\n",
        '{"id": 6, "text": ""}\n',
        '{"id": 7, "text": "' + "x" * 20_001 + '"}\n',
    ]
    sink, errors = io.StringIO(), io.StringIO()
    bad = classify_stream(clf, io.StringIO("".join(lines)), sink, errors)
    expected, expected_errors = plain_stream("".join(lines).splitlines(keepends=True))
    written = [json.loads(line) for line in sink.getvalue().splitlines()]
    assert sink.getvalue() == "".join(json.JSONEncoder(ensure_ascii=False).encode(x) + "\n" for x in expected)
    assert [list(x) for x in written] == [list(x) for x in expected]  # same keys in the same order
    assert errors.getvalue().splitlines() == expected_errors and bad == len(expected_errors)
    assert any(x.get("reason") for x in expected)  # the "unknown" form was written too


def test_sentence_split_equals_the_plain_pattern():
    import re

    from brug.text.structure import _SENTENCE

    plain = re.compile(r"(?<=[.!?\n])\s+|\n")
    rng = random.Random(16)
    pieces = ["Die", "wethouder", ".", "!", "?", "\n", "\r\n", " ", "  ", "\t", "\u00a0", "\u2028", "...", "?!",
              "a.b", "😡", "é", ":", "'"]  # fmt: skip
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(20_000)]
    texts += [item.text for item in load_corpus()]
    for text in texts:
        assert _SENTENCE.split(text) == plain.split(text), repr(text)


def test_plain_names_cache_gives_the_plain_name_also_after_emptying():
    from brug.text import classifier as classifier_module

    names = ["lh:score", "r:dreiging", "lh:belediging", "th:corona", "k:die_GROEP", "woord", "de wethouder"]
    cache = classifier_module._PlainNames()
    for k in range(100_003):
        cache[f"w{k}"]  # noqa: B018 (fills the cache past its limit)
    assert len(cache) <= 100_001
    assert [cache[n] for n in names] == [classifier_module._plain_name(n) for n in names]
    assert [classifier_module._plain(n) for n in names] == [classifier_module._plain_name(n) for n in names]


def test_line_encoder_equals_json_encoder_encode():
    from brug.text.__main__ import _encode

    plain = json.JSONEncoder(ensure_ascii=False).encode
    values = [
        {"id": [1, {"a": None}], "themes": ["é 😡 \"' \\\\ \n \t \u2028 \x00"], "tone": -0.0, "x": 1e-7},
        {"id": 10**30, "n": float("nan"), "i": float("inf"), "b": True, "f": False, "e": [], "d": {}},
        {"id": "x", "why": {"themes": {"corona": ["model v: kans 0.91", "‘prik’ (+1.20)"]}}, "tone": 0.123},
    ]
    values += [{"id": i, **r.to_dict()} for i, r in enumerate(clf.classify_many(TEXTS[:50]))]
    assert [_encode(v) for v in values] == [plain(v) for v in values]


def plain_bad_input(text: str) -> str | None:
    """bad_input as first written: both letter counts with findall."""
    import re

    from brug.text import classifier as c

    if not text.strip():
        return "lege tekst"
    if len(text) > c.MAX_CHARS:
        return "te lang"
    sample = text[:2000]
    if c._CONTROL.search(sample) is not None and len(c._CONTROL.findall(sample)) > max(2, len(sample) // 50):
        return "binaire of onleesbare inhoud"
    if c._LETTER.search(sample) is None:
        return None if len(sample) <= 40 else "geen letters"
    words = c._WORD.findall(sample.lower())
    if len(words) >= 6:
        foreign = sum(map(c._FOREIGN.__contains__, words))
        if foreign >= 3 and foreign > 2 * sum(map(c._DUTCH.__contains__, words)):
            return "andere taal dan Nederlands"
        if not sample.isascii():
            letters = len(c._LETTER.findall(sample))
            if len(re.findall(r"[A-Za-z]", sample)) < letters * 0.5:
                return "ander schrift dan het Latijnse"
    return None


def test_script_check_equals_counting_every_letter():
    from brug.text.classifier import bad_input

    rng = random.Random(16)
    pieces = ["de", "wethouder", "het", "Привет", "мир", "ελληνικά", "中文", "😡", "🙄", "é", "ß", "²", "½", "٣",
              "K", "ﬁ", "x", "ab", "  ", "1", ".", "the", "and", "العربية", "ǅ", "İ"]  # fmt: skip
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(20_000)]
    # ASCII: the words of the language check (runs of letters, any case, glued by other characters)
    ascii_pieces = ["The", "AND", "you", "der", "Die", "und", "nicht", "de", "het", "een", "wij", "x1", "a-b",
                    "don't", "l'eau", "_", "The2", "3the", "#the", "the.", "EEN", "Het", ".", "!", "\t", "ok"]  # fmt: skip
    seps = [" ", "", "-", "  ", "\n"]
    texts += [
        "".join(rng.choice(ascii_pieces) + rng.choice(seps) for _ in range(rng.randint(1, 20)))
        for _ in range(20_000)
    ]
    texts += [item.text for item in load_corpus()]
    verdicts = [bad_input(text) for text in texts]
    assert verdicts == [plain_bad_input(text) if text.strip() else "lege tekst" for text in texts]
    assert verdicts.count("ander schrift dan het Latijnse") > 500 and verdicts.count(None) > 500
    assert verdicts.count("andere taal dan Nederlands") > 500
