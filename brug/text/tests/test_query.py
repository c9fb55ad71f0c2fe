"""The Boolean query language: semantics, error positions and property-based checks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brug.text import Query, QuerySyntaxError, parse_query
from brug.text.query import MAX_DEPTH, And, Near, Not, Or, Phrase, Term


def test_adjacent_terms_mean_and():
    q = parse_query("windmolen gemeente")
    assert q.matches("De gemeente wil een windmolen")
    assert not q.matches("De gemeente wil een zonnepark")


def test_or_and_not_combine_with_and_binding_tighter_than_or():
    q = parse_query("azc OR asielzoeker* NOT voetbal")
    assert q.matches("Het azc gaat open")
    assert q.matches("asielzoekers in de sporthal")
    assert not q.matches("asielzoekers spelen voetbal")


def test_prefix_wildcard_finds_compounds():
    q = parse_query("windmol*")
    assert q.matches("Het windmolenpark komt er")
    assert not q.matches("De molen draait")


def test_bare_word_matches_plural_but_phrase_is_exact():
    assert parse_query("windmolen").matches("die windmolens")
    assert parse_query('"zwarte piet"').matches("Zwarte-Piet blijft")
    assert not parse_query('"zwarte piet"').matches("zwarte pieten blijven")


def test_near_matches_within_distance_in_both_orders():
    q = parse_query("boer NEAR/3 protest*")
    assert q.matches("de boer gaat morgen protesteren")
    assert q.matches("protest van de boer")
    assert not q.matches("de boer zei dat hij morgen niet naar het protest gaat")


def test_matching_ignores_case_and_accents():
    assert parse_query("CAFÉ").matches("het cafe is dicht")
    assert parse_query("cafe").matches("Het CAFÉ is dicht")


def test_hashtag_term_matches_only_hashtag_and_plain_term_matches_both():
    assert parse_query("stikstof").matches("#Stikstof crisis")
    assert parse_query("#stikstof").matches("#stikstof")
    assert not parse_query("#stikstof").matches("stikstof")


def test_lowercase_operators_are_ordinary_words_outside_strict_mode():
    q = parse_query("windmolen or zonnepark")
    assert isinstance(q.node, And)
    assert not q.matches("een zonnepark")


def test_dutch_capital_operators_are_accepted():
    assert parse_query("a OF b") == parse_query("a OR b")
    assert parse_query("a EN NIET b") == parse_query("a AND NOT b")


def test_explain_lists_the_words_that_matched_and_not_the_negated_ones():
    q = parse_query("(windmol* OR turbine*) NOT zee")
    assert q.explain("Die windmolens en turbines") == ["windmolens", "turbines"]
    assert q.explain("Windmolens op zee") == []


def test_matches_accepts_a_token_list():
    assert parse_query('"den haag"').matches(["Den", "Haag"])


@pytest.mark.parametrize(
    ("query", "position", "fragment"),
    [
        ("", 0, "leeg"),
        ("   ", 0, "leeg"),
        ("(windmolen OR azc", 0, "niet gesloten"),
        ("windmolen) azc", 9, "zonder openingshaakje"),
        ("NOT azc", 0, "NOT kan niet alleen"),
        ("windmolen OR NOT azc", 13, "NOT kan niet alleen"),
        ("windmolen AND", 10, "ontbreekt"),
        ("OR windmolen", 0, "ontbreekt"),
        ('azc "noodopvang', 4, "Aanhalingsteken"),
        ("boer NEAR/x protest", 5, "NEAR/n"),
        ("boer NEAR/0 protest", 5, "NEAR/n"),
        ("boer NEAR protest", 5, "NEAR/n"),
        ("()", 0, "Lege haakjes"),
        ("wind*molen", 4, "eind"),
        ("w*", 1, "twee letters"),
        ("boer NEAR/3 (a AND b)", 5, "NEAR verbindt"),
    ],
)
def test_syntax_errors_have_a_dutch_message_and_point_at_the_problem(query, position, fragment):
    with pytest.raises(QuerySyntaxError) as info:
        parse_query(query)
    assert info.value.position == position
    assert fragment in info.value.message


def test_canonical_form_round_trips():
    q = parse_query('(windmol* OR "wind op land") boer NEAR/5 protest* NOT zee')
    assert parse_query(str(q)) == q
    assert str(parse_query(str(q))) == str(q)


# ------------------------------------------------------------------ hypothesis
_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8)
_terms = st.builds(Term, _words, st.booleans())
_phrases = st.lists(_words, min_size=2, max_size=3).map(
    lambda ws: Phrase(tuple(Term(w, exact=True) for w in ws))
)
_positional = st.recursive(
    st.one_of(_terms, _phrases),
    lambda inner: st.one_of(
        st.builds(lambda a, b, n: Near(a, b, n), inner, inner, st.integers(1, 20)),
        st.lists(inner, min_size=2, max_size=3).map(lambda xs: Or(tuple(xs))),
    ),
    max_leaves=4,
)


def _and(first, rest):
    return And((first, *rest))


_nodes = st.recursive(
    _positional,
    lambda inner: st.one_of(
        st.lists(inner, min_size=2, max_size=3).map(lambda xs: Or(tuple(xs))),
        st.builds(_and, inner, st.lists(st.one_of(inner, inner.map(Not)), min_size=1, max_size=2)),
    ),
    max_leaves=8,
).filter(lambda node: str(node).count(" NEAR/") <= MAX_DEPTH)  # the parser's limit, tested on its own


@settings(max_examples=150, deadline=None)
@given(_nodes)
def test_well_formed_queries_parse_and_round_trip(node):
    text = str(node)
    parsed = parse_query(text)
    assert str(parsed) == text
    assert parse_query(str(parsed)) == parsed
    parsed.matches("een bericht met wat woorden erin")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*'ab *()"', "AND ", "OR ", "NOT ", "NEAR/2 ", "NEAR/x ", "é", "#", "-"]), max_size=15
    ).map("".join)
)
def test_random_strings_either_parse_or_raise_query_syntax_error(text):
    try:
        q = parse_query(text)
    except QuerySyntaxError as exc:
        assert 0 <= exc.position <= len(text)
        assert exc.message
    else:
        assert isinstance(q, Query)
        q.matches("a b ab")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_arbitrary_unicode_never_raises_another_exception(text):
    try:
        parse_query(text).matches(text)
    except QuerySyntaxError:
        pass


@pytest.mark.parametrize("depth", [11, 185, 190, 900])
def test_deep_nesting_is_a_clear_dutch_error_not_a_crash(depth):
    query = "(" * depth + "azc" + ")" * depth
    with pytest.raises(QuerySyntaxError) as info:
        parse_query(query)
    assert "haakjes in elkaar" in info.value.message


def test_nesting_up_to_the_limit_parses_and_matches():
    query = "(" * 10 + "azc" + ")" * 10
    assert parse_query(query).matches("Het azc komt er")


def test_too_long_and_too_many_terms_are_rejected_with_dutch_messages():
    with pytest.raises(QuerySyntaxError) as info:
        parse_query("azc " * 600)
    assert "te lang" in info.value.message
    with pytest.raises(QuerySyntaxError) as info:
        parse_query(" ".join(f"w{i}" for i in range(301)))
    assert "Te veel zoekwoorden" in info.value.message
    with pytest.raises(QuerySyntaxError) as info:
        parse_query(" NEAR/2 ".join(f"w{i}" for i in range(12)))
    assert "NEAR" in info.value.message


@pytest.mark.parametrize("word", ["and", "or", "not", "Or", "AnD"])
def test_strict_mode_flags_lowercase_english_operators(word):
    with pytest.raises(QuerySyntaxError) as info:
        parse_query(f"windmolen {word} zonnepark", strict=True)
    assert word.upper() in info.value.message and "hoofdletters" in info.value.message
    assert info.value.position == len("windmolen ")
    # Quoted, the word itself may be searched; without strict (lexicons) it stays a word.
    assert parse_query(f'windmolen "{word}" zonnepark', strict=True).matches(f"windmolen {word} zonnepark")
    parse_query(f"windmolen {word} zonnepark")


def test_more_near_operators_than_the_limit_is_a_dutch_error() -> None:
    ok = " NEAR/2 ".join(f"w{i}" for i in range(MAX_DEPTH + 1))
    assert parse_query(ok)
    with pytest.raises(QuerySyntaxError) as info:
        parse_query(" NEAR/2 ".join(f"w{i}" for i in range(MAX_DEPTH + 2)))
    assert "Te veel NEAR" in info.value.message
