"""The fast scanner finds exactly what ``finditer`` on a rule's whole pattern finds."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest
import yaml

from trainer.engine.scoring import load_scorer
from trainer.engine.scoring.pattern_facts import (
    FOLDS_OUTSIDE_ASCII,
    facts_of,
    lowered,
    split_alternatives,
    split_lead,
    unwrapped,
)
from trainer.engine.scoring.scanner import Scanner, Subject

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import make_corpus  # noqa: E402


def _answers() -> list[str]:
    data = ROOT / "tests" / "data"
    texts = [s.answer for s in make_corpus(400, seed=3)]
    pairs = yaml.safe_load((data / "calibration" / "pairs.yaml").read_text(encoding="utf-8"))
    texts += [p[k] for p in pairs for k in ("better", "worse")]
    # case, punctuation and letters beyond ASCII that change how text lower-cases
    rng = random.Random(5)
    odd = []
    for text in texts[:150]:
        odd.append(text.upper())
        odd.append(text.replace("I ", "İ ").replace("s", "ſ", 3))
        odd.append(text.replace("e", "é", 2).replace("The", "THE"))
        words = text.split()
        rng.shuffle(words)
        odd.append(" ".join(words))
    odd += ["", "@we missed it", "Mine. That was me.", "IT didn't tell us", "it didn't tell us",
            "the K\u212aPI dropped", "Σ and ß: I own this."]
    return texts + odd


@pytest.fixture(scope="module")
def scanners() -> list[tuple[str, Scanner]]:
    scorer = load_scorer()
    scorer.score("The first answer files the rules' alternatives in the shared start index.")
    found = []
    for rule in scorer._early + scorer._late:
        scanner = getattr(rule, "scanner", None)
        if scanner is not None:
            found.append((rule.id, scanner))
        second = getattr(rule, "second", None)
        if second is not None:
            found.append((rule.id + ".second", second))
    assert len(found) >= 20
    return found


def test_every_rule_matches_exactly_like_its_whole_pattern(scanners):
    answers = _answers()
    for rule_id, scanner in scanners:
        for text in answers:
            subject = Subject(text, text.lower())
            fast = [(m.start(), m.end()) for m in scanner.finditer(subject)]
            slow = [(m.start(), m.end()) for m in scanner.whole.finditer(text)]
            assert fast == slow, (rule_id, text[:80])


def test_lexicon_phrases_read_in_the_shared_index_match_a_word_by_word_reading():
    """A lexicon's phrases are read in the start index's one pass over the words; the
    result is what trying its regex at each word start, after the last match, gives."""
    from trainer.engine.scoring.text import Text

    scorer = load_scorer()
    scorer.score("The first answer files the lexicons' phrase tables in the start index.")
    compiled = [rule.lexicon for rule in scorer._early + scorer._late
                if getattr(rule, "lexicon", None) is not None]
    # every lexicon of plain phrases is read in the index; one with a free regex is not
    assert all((lex.index is not None) == (not any(e.pattern for e in lex.lexicon.entries))
               for lex in compiled)
    lexicons = [lex for lex in compiled if lex.index is not None]
    assert len(lexicons) >= 3
    for answer in _answers():
        text = Text(answer)
        for lex in lexicons:
            expected, pos = [], 0
            for start, key in text.word_keys:
                regex = lex.index.get(key)
                if start < pos or regex is None:
                    continue
                m = regex.match(text.clean, start)
                if m:
                    expected.append((start, m.end(), lex.entry_for(m.group())))
                    pos = m.end()
            assert lex.matches(text) == expected, answer[:80]


def test_a_window_of_the_answer_matches_like_finditer_with_bounds(scanners):
    text = "I own this. We missed it. The data team didn't tell us. I'm sorry, so sorry."
    subject = Subject(text, text.lower())
    for rule_id, scanner in scanners:
        for lo, hi in ((0, 12), (12, 26), (5, len(text))):
            fast = [m.span() for m in scanner.finditer(subject, lo, hi)]
            assert fast == [m.span() for m in scanner.whole.finditer(text, lo, hi)], rule_id


def test_alternatives_split_only_at_the_top_level():
    assert split_alternatives(r"a[|]b|c(d|e)|[^]|]x|\|y") == [r"a[|]b", "c(d|e)", "[^]|]x", r"\|y"]
    assert split_alternatives("one") is None
    assert split_alternatives(r"(?P<x>a)|b") is None  # a named group must stay whole
    assert unwrapped("(?:(?:a|b))") == "a|b"
    assert unwrapped("(?:a)|(?:b)") == "(?:a)|(?:b)"


def test_leading_assertions_are_separated_from_the_rest():
    assert split_lead(r"\b(?<!@)(?:I|we) own") == (r"\b(?<!@)", "(?:I|we) own")
    assert split_lead(r"(?<!no one )\bblame") == (r"(?<!no one )\b", "blame")
    assert split_lead("plain") == ("", "plain")


def test_lowering_keeps_classes_and_refuses_what_it_cannot_keep():
    low, relaxed = lowered(re.compile(r"\bI\S+[A-Z]\W", re.IGNORECASE))
    assert low.pattern == r"\bi\S+[a-z]\W" and not low.flags & re.IGNORECASE and not relaxed
    assert lowered(re.compile("(?-i:IT) team", re.IGNORECASE))[1] is True
    assert lowered(re.compile("case", 0)) is None
    assert lowered(re.compile(r"(?P<money>\$X)", re.IGNORECASE))[0].pattern == r"(?P<money>\$x)"
    assert lowered(re.compile(r"(?P<Money>x)", re.IGNORECASE)) is None
    assert lowered(re.compile(r"\x41", re.IGNORECASE)) is None


def test_a_required_word_is_read_from_the_pattern():
    need = facts_of(re.compile(r"\b(?:I|we) (?:take|accept) (?:full )?(?:responsibility|ownership)",
                               re.IGNORECASE)).need
    assert need is not None and set(need.words) == {"responsibility", "ownership"}
    assert facts_of(re.compile(r"\w+ \d+")).need is None  # no word to look for
    assert facts_of(re.compile(r"(?:it|me)\s+on")).need is None  # too short to rule anything out
    # a stretch spelled by small choices is read whole: rarer than any of its words
    need = facts_of(re.compile(r"(?:[\w-]+ )?call (?:was|is) (?:mine|my own)")).need
    assert need is not None and set(need.words) == {"call was mine", "call was my own",
                                                     "call is mine", "call is my own"}
    assert facts_of(re.compile(r"analy[sz]ed")).need.words == ("analysed", "analyzed")
    assert facts_of(re.compile("x?")).nullable


def test_the_letters_ignorecase_equates_with_ascii_are_all_known():
    # Every character beyond ASCII that IGNORECASE matches to an ASCII letter must be
    # in the list, or the required-word shortcut could skip a real match.
    odd = {chr(cp) for cp in range(0x80, 0x10000)
           if not 0xD800 <= cp <= 0xDFFF and re.fullmatch("[a-z]", chr(cp), re.IGNORECASE)}
    assert odd <= FOLDS_OUTSIDE_ASCII


def test_most_alternatives_are_read_from_the_shared_start_index(scanners):
    """The equivalence test above then covers the index: the scanners of the scorer's
    rules read their filed alternatives' matches from it."""
    filed = sum(len(scanner.parts) - len(scanner._searched)
                for _, scanner in scanners if scanner._index is not None)
    assert filed >= 100


def test_start_keys_are_the_letters_every_match_begins_with():
    from trainer.engine.scoring.start_index import start_keys, starts_words

    # up to KEY_MAX (6) letters; "plan" covers "plans"
    assert start_keys(re.compile(r"(?:the )?(?:plan|fix)s?")) == {"the pl", "the fi", "plan",
                                                                   "fix"}
    assert start_keys(re.compile(r"i(?:'m| am) sure")) == {"i'm su", "i am s"}
    assert start_keys(re.compile(r"re-?run")) == {"re-run", "rerun"}
    assert start_keys(re.compile(r"\w+ing")) is None  # may begin with anything
    assert start_keys(re.compile(r"(?:\$|€)\d")) is None  # not at a word's start
    assert start_keys(re.compile(r"(?:a|)b")) == {"ab", "b"}
    assert starts_words(re.compile(r"\b(?<!@)"))
    assert starts_words(re.compile(r"(?<![\w@])"))
    assert not starts_words(re.compile(r"(?<![^\w])"))
    assert not starts_words(re.compile(r"(?<=\bthe )"))
    assert not starts_words(None)
