"""Find, parse and validate content folders into one ``Content``.

A content folder holds any of ``scenarios/``, ``personas/`` and ``rubrics/``.
Later folders override earlier ones by id, so a coach's folder can replace a
shipped rubric set or persona without copying the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from trainer.content import errors
from trainer.content.files import escaping_links, yaml_files
from trainer.content.models.persona import Persona
from trainer.content.models.rubric import Lexicon, RubricSet, Rule
from trainer.content.models.scenario import DIMENSIONS, Scenario
from trainer.content.yaml_io import Document, YamlError, load_file
from trainer.problems import Problems

KINDS = ("scenario", "persona", "rule", "lexicon", "rubric_set")
_RULE_ADAPTER: TypeAdapter[Any] = TypeAdapter(Rule)


class _RuleModel(BaseModel):
    """Wraps the rule union so errors are reported like the other models'."""

    rule: Rule


@dataclass
class Content:
    """Everything loaded from the content folders, plus the problems found."""

    scenarios: dict[str, Scenario] = field(default_factory=dict)
    personas: dict[str, Persona] = field(default_factory=dict)
    rules: dict[str, Any] = field(default_factory=dict)
    lexicons: dict[str, Lexicon] = field(default_factory=dict)
    rubric_sets: dict[str, RubricSet] = field(default_factory=dict)
    sources: dict[tuple[str, str], Path] = field(default_factory=dict)
    broken: dict[tuple[str, str], Path] = field(default_factory=dict)
    """Items whose file exists but did not load (by the id it gives, and by its file name),
    so that a file naming one is not also told the id is unknown."""
    problems: Problems = field(default_factory=Problems)
    warnings: Problems = field(default_factory=Problems)
    """What an author should fix but a user can play with: a question with no exemplar."""
    files: int = 0

    def source(self, kind: str, item_id: str) -> Path | None:
        return self.sources.get((kind, item_id))


def classify(path: Path, data: Any) -> str:
    """Which kind of content file this is: by its folder, else by its keys."""
    parents = [p.name.lower() for p in path.parents][:4]
    if "lexicons" in parents:
        return "lexicon"
    if "sets" in parents and "rubrics" in parents:
        return "rubric_set"
    if "rubrics" in parents:
        return "rule"
    if "personas" in parents:
        return "persona"
    if "scenarios" in parents:
        return "scenario"
    if isinstance(data, dict):
        if "extends" in data:
            return "rule"
        if "lexicon" in data:
            return "lexicon"
        if "weights" in data:
            return "rubric_set"
        if "cares_about" in data:
            return "persona"
    return "scenario"


_MODELS: dict[str, type[BaseModel]] = {
    "scenario": Scenario,
    "persona": Persona,
    "lexicon": Lexicon,
    "rubric_set": RubricSet,
}


def load_content(roots: list[Path]) -> Content:
    """Load every YAML file under ``roots``; problems are collected, never raised."""
    content = Content()
    docs: dict[Path, Document] = {}
    for root in roots:
        if not root.exists():
            content.problems.add(root, 1, "no such file or folder")
            continue
        refused = escaping_links(root)
        for link in refused:
            content.problems.add(link, 1, "a symbolic link to outside the content folder; "
                                          "not read")
        if root in refused:
            continue
        seen: dict[tuple[str, str], Path] = {}
        for path in yaml_files(root):
            content.files += 1
            item = _load_one(path, content.problems, docs)
            if item is None:
                for key in _ids_of_broken(path, docs.get(path)):
                    content.broken.setdefault(key, path)
                continue
            kind, item_id, model = item
            if (kind, item_id) in seen:
                content.problems.add(
                    path, docs[path].line_of(("id",)),
                    f"{kind.replace('_', ' ')} id '{item_id}' is already used by "
                    f"{seen[kind, item_id]}",
                )
                continue
            seen[kind, item_id] = path
            content.sources[kind, item_id] = path
            _store(content, kind, item_id, model)
    from trainer.content.lint import lint_content  # after models: lint needs them all

    lint_content(content, docs)
    return content


def _store(content: Content, kind: str, item_id: str, model: Any) -> None:
    table = {
        "scenario": content.scenarios,
        "persona": content.personas,
        "rule": content.rules,
        "lexicon": content.lexicons,
        "rubric_set": content.rubric_sets,
    }[kind]
    table[item_id] = model


def _ids_of_broken(path: Path, doc: Document | None) -> list[tuple[str, str]]:
    """The ids a file that failed to load was meant to give: the one it names, if any,
    and the one its file name gives."""
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    kind = classify(path, data or None)
    named = data.get("lexicon" if kind == "lexicon" else "id")
    ids = [named] if isinstance(named, str) else []
    if kind == "rule":
        dimension = data.get("dimension")
        folder = path.parent.name.lower()
        dimension = dimension if isinstance(dimension, str) else folder
        ids.append(f"{dimension}.{path.stem}")
    else:
        ids.append(path.stem)
    return [(kind, i) for i in dict.fromkeys(ids)]


def _load_one(path: Path, problems: Problems, docs: dict[Path, Document]):
    try:
        doc = load_file(path)
    except YamlError as exc:
        problems.add(path, exc.line, str(exc))
        return None
    if not isinstance(doc.data, dict):
        problems.add(path, 1, "expected a mapping of keys to values at the top of the file")
        return None
    docs[path] = doc
    kind = classify(path, doc.data)
    if kind == "rule":
        return _load_rule(path, doc, problems)
    model_cls = _MODELS[kind]
    try:
        model = model_cls.model_validate(doc.data)
    except ValidationError as exc:
        errors.report(exc, model_cls, doc, path, problems)
        return None
    item_id = model.lexicon if kind == "lexicon" else model.id  # type: ignore[attr-defined]
    return kind, item_id, model


def _load_rule(path: Path, doc: Document, problems: Problems):
    try:
        rule = _RuleModel.model_validate({"rule": doc.data}).rule
    except ValidationError as exc:
        wrapped = Document({"rule": doc.data}, {("rule", *k): v for k, v in doc.lines.items()},
                           {("rule", *k): v for k, v in doc.raw.items()})
        before = len(problems)
        errors.report(exc, _RuleModel, wrapped, path, problems)
        for i in range(before, len(problems.items)):  # drop the wrapper from messages
            p = problems.items[i]
            problems.items[i] = type(p)(p.path, p.line, p.message.replace("rule.", "", 1)
                                        .removeprefix("rule: "))
        return None
    folder = path.parent.name.lower()
    dimension = rule.dimension or (folder if folder in DIMENSIONS else None)
    if dimension is None:
        problems.add(path, 1, "the rule needs a 'dimension' (or to sit in a folder named "
                              f"for one: {', '.join(DIMENSIONS)})")
        return None
    rule_id = rule.id or f"{dimension}.{path.stem}"
    return "rule", rule_id, rule.model_copy(update={"id": rule_id, "dimension": dimension})
