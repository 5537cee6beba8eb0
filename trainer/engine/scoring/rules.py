"""Rule files compiled once into matchers that report findings for one answer."""

from __future__ import annotations

import re
from collections.abc import Callable

from trainer.content.models.rubric import (
    ConditionalRule,
    ExistenceRule,
    LexiconRule,
    OccurrenceRule,
    PatternRule,
    SubstitutionRule,
)
from trainer.engine.scoring.explained import is_explained
from trainer.engine.scoring.lexicons import (
    CompiledLexicon,
    bounded,
    compile_lexicon,
    near_misses,
)
from trainer.engine.scoring.scanner import Scanner
from trainer.engine.scoring.state import Job

Matcher = Callable[[Job], None]


class CompiledRule:
    """A rule with its regexes compiled, applied to one answer by ``run``."""

    def __init__(self, rule, lexicons: dict[str, object]) -> None:
        self.rule = rule
        self.id: str = rule.id
        self.dimension: str = rule.dimension
        flags = re.IGNORECASE if rule.ignorecase else 0
        self.exceptions = (re.compile("|".join(f"(?:{e})" for e in rule.exceptions), flags)
                           if rule.exceptions else None)
        self.lexicon: CompiledLexicon | None = None
        self.scanner: Scanner | None = None
        self.second: Scanner | None = None
        self.swaps: list[tuple[re.Pattern[str], str]] = []
        if isinstance(rule, ExistenceRule):
            self.scanner = bounded(rule.tokens, flags)
        elif isinstance(rule, SubstitutionRule):
            self.scanner = bounded(list(rule.swap), flags)
            self.swaps = [(re.compile(k, flags), v) for k, v in rule.swap.items()]
        elif isinstance(rule, PatternRule):
            self.scanner = Scanner.of_pattern(rule.pattern, flags)
        elif isinstance(rule, ConditionalRule):
            self.scanner = Scanner.of_pattern(rule.first, flags)
            self.second = Scanner.of_pattern(rule.second, flags)
        elif isinstance(rule, (LexiconRule, OccurrenceRule)):
            if isinstance(rule, OccurrenceRule) and rule.token:
                self.scanner = Scanner.of_pattern(rule.token, flags)
            else:
                lex = lexicons[rule.lexicon]
                fuzzy = getattr(rule, "fuzzy", False)
                self.lexicon = compile_lexicon(lex, plurals=fuzzy, ignorecase=rule.ignorecase)
                self.scanner = self.lexicon.scanner
        # how ``run`` reads an answer, chosen once: isinstance on the rule models is slow
        self._apply: Matcher = (self._occurrence if isinstance(rule, OccurrenceRule)
                                else self._lexicon if isinstance(rule, LexiconRule)
                                else self._matches)

    @property
    def scanners(self) -> list[Scanner | CompiledLexicon]:
        """What ``run`` reads whole answers with, to be filed in the scorer's shared
        ``StartIndex``: the scanners, or for a lexicon rule its word index."""
        lex = self.lexicon
        if isinstance(self.rule, LexiconRule) and lex is not None and lex.index is not None:
            return [lex]
        own: list[Scanner | CompiledLexicon] = [self.scanner] if self.scanner is not None else []
        return own + ([self.second] if self.second is not None else [])

    def excepted(self, job: Job, start: int) -> bool:
        """An exception matches the match's sentence (and the next, if asked); memoised
        per sentence so a long answer full of matches stays linear."""
        if self.exceptions is None:
            return False
        key = (self.id, job.text.sentence_index(start))
        memo = job.memo
        if key not in memo:
            window = job.text.window(start, self.rule.context_sentences)
            memo[key] = bool(self.exceptions.search(window))
        return memo[key]

    def run(self, job: Job) -> None:
        self._apply(job)

    def _matches(self, job: Job) -> None:
        rule = self.rule
        if self.second is not None and self.second.search(job.text.subject):
            return  # a conditional rule whose second pattern is there
        # Saying "post-mortem" twice is one safeguard, not two: a credit's wording earns
        # once. (Faults repeat: a second "basically" is a second filler.)
        credited: set[str] | None = set() if rule.effect == "credit" else None
        for m in self.scanner.finditer(job.text.subject):  # type: ignore[union-attr]
            if m.end() == m.start() or self.excepted(job, m.start()):
                continue
            if credited is not None:
                wording = m.group().lower()
                if wording in credited:
                    job.add(rule, m.start(), m.end(), points=0)
                    continue
                credited.add(wording)
            suggestion = None
            for regex, replacement in self.swaps:
                if regex.fullmatch(m.group()):
                    suggestion = (rule.suggestion or "Say '{swap}'.").replace("{swap}", replacement)
                    break
            job.add(rule, m.start(), m.end(), suggestion=suggestion)

    def _occurrence(self, job: Job) -> None:
        rule = self.rule
        text = job.text.clean
        scopes = job.text.sentences if rule.scope == "sentence" else [None]
        for scope in scopes:
            lo, hi = (scope.start, scope.end) if scope else (0, len(text))
            hits = [m for m in self.scanner.finditer(  # type: ignore[union-attr]
                        job.text.subject, lo, hi)
                    if not self.excepted(job, m.start())]
            if rule.max is not None and len(hits) > rule.max:
                for m in hits[rule.max:]:
                    job.add(rule, m.start(), m.end(), count=len(hits), max=rule.max)
            if rule.min is not None and len(hits) < rule.min and scope is None:
                job.add(rule, 0, 0, count=len(hits), min=rule.min)

    def _lexicon(self, job: Job) -> None:
        rule, lex = self.rule, self.lexicon
        assert lex is not None
        hits = lex.matches(job.text)
        if rule.fuzzy and lex.fuzzy_terms:
            taken = [(s, e) for s, e, _ in hits]
            hits += list(near_misses(lex, job.text.words, taken, job.text.word_lows))
            hits.sort(key=lambda h: h[0])
        question = (job.ctx.question or "").lower() if rule.allow_from_question else ""
        for start, end, entry in hits:
            context = lex.contexts.get(id(entry))
            if context and not context.search(job.text.window(start)):
                continue
            if self.excepted(job, start):
                continue
            if question and lex.term_regex(entry).search(question):
                continue
            if rule.allow_explained and self._explained(job, start, end):
                # no other rule of the dimension may fault a term explained in place
                job.memo.setdefault("explained", []).append((self.dimension, start, end))
                job.add(rule, start, end, effect="credit", points=0,
                        message="Explained '%s' in plain words where you used it.",
                        suggestion="")
                continue
            job.add(rule, start, end, suggestion=entry.suggestion or rule.suggestion,
                    plain=entry.plain or "", term=entry.term, note=entry.note or "")

    @staticmethod
    def _explained(job: Job, start: int, end: int) -> bool:
        i = job.text.sentence_index(start)
        sentences = job.text.sentences
        nxt = sentences[i + 1].text if i + 1 < len(sentences) else ""
        return is_explained(job.text.clean, start, end, nxt)
