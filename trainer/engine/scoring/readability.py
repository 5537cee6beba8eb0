"""Reading grade and ease as soft hints, clamped: formulas are noisy on short answers."""

from __future__ import annotations

from typing import Any


class _Syllables(dict):
    """Syllables of a lower-case word (none for a number, which the formulas leave out),
    counted by textstat at the word's first sight: a property of the word, and a dict
    look-up is what makes ~150 words an answer cheap."""

    LIMIT = 50_000
    """Distinct words kept at most; past that the count starts afresh."""

    def __missing__(self, word: str) -> int:
        # textstat 0.7.4 counts syllables with pyphen's bundled dictionaries: no network.
        # Imported here, lazily, because importing textstat takes a good part of a second.
        import textstat

        if len(self) >= self.LIMIT:
            self.clear()
        count = self[word] = 0 if word.isdigit() else max(
            1, int(textstat.syllable_count(word[:40])))
        return count


_SYLLABLES = _Syllables()


def readability(words: list[str], sentences: int) -> dict[str, Any]:
    """Flesch-Kincaid grade (0-20) and Flesch reading ease (0-100), or {} when meaningless.

    ``words`` are the answer's words in lower case; numbers are not counted. The formulas
    are textstat's; syllables are counted per word by textstat and kept, so scoring many
    answers does not count the same word twice.
    """
    n = len(words) - sum(map(str.isdigit, words))
    if n < 3 or sentences < 1:
        return {}
    try:
        syllables = sum(map(_SYLLABLES.__getitem__, words))
    except Exception:  # noqa: BLE001 - a hint must never break scoring
        return {}
    per_sentence = n / sentences
    per_word = syllables / n
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    return {"reading_grade": round(min(20.0, max(0.0, grade)), 1),
            "reading_ease": round(min(100.0, max(0.0, ease)), 1)}
