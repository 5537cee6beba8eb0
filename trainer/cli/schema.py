"""rehearse schema: the JSON Schema of scenario files, for yaml-language-server."""

from __future__ import annotations

import argparse
import json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind", choices=["scenario", "persona", "rubric-set", "lexicon"], default="scenario",
        help="which kind of file (default: scenario)",
    )


def run(args: argparse.Namespace) -> int:
    from trainer.content.models.persona import Persona
    from trainer.content.models.rubric import Lexicon, RubricSet
    from trainer.content.models.scenario import Scenario

    model = {"scenario": Scenario, "persona": Persona, "rubric-set": RubricSet,
             "lexicon": Lexicon}[args.kind]
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    print(json.dumps(schema, indent=2))
    return 0
