"""Content folders cannot be made to read files elsewhere, nor files too big to read."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.cli import main
from trainer.content.yaml_io import MAX_BYTES

SECRET = "id: [secret-outside-the-folder\n"


def validate(capsys, *paths: Path) -> tuple[int, str]:
    code = main(["validate", *map(str, paths)])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out


@pytest.fixture
def outside(tmp_path) -> Path:
    """A folder beside the content folder, holding a file the loader must not parse."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "secret.yaml").write_text(SECRET)
    return folder


def test_a_symlinked_folder_escaping_the_content_folder_is_refused(capsys, tmp_path, outside):
    scenarios = tmp_path / "content" / "scenarios"
    scenarios.mkdir(parents=True)
    (scenarios / "more").symlink_to(outside, target_is_directory=True)
    code, out = validate(capsys, tmp_path / "content")
    assert code == 2
    assert "secret" not in out and "not valid YAML" not in out
    assert "scenarios/more:1: a symbolic link to outside the content folder; not read" in out


def test_a_content_subfolder_that_is_a_link_out_is_refused(capsys, tmp_path, outside):
    content = tmp_path / "content"
    content.mkdir()
    (content / "scenarios").symlink_to(outside, target_is_directory=True)
    code, out = validate(capsys, content)
    assert code == 2
    assert "secret" not in out and "not valid YAML" not in out
    assert "content/scenarios:1: a symbolic link to outside the content folder" in out


def test_a_loop_of_links_is_skipped_without_hanging(capsys, tmp_path):
    scenarios = tmp_path / "content" / "scenarios"
    scenarios.mkdir(parents=True)
    (scenarios / "a.yaml").symlink_to(scenarios / "b.yaml")
    (scenarios / "b.yaml").symlink_to(scenarios / "a.yaml")
    (scenarios / "self").symlink_to(scenarios, target_is_directory=True)
    code, out = validate(capsys, tmp_path / "content")
    assert code == 0, out
    assert "symbolic link" not in out  # unreadable, and a link back inside is not followed


def test_a_link_inside_the_folder_is_read(capsys, tmp_path):
    from tests.conftest import ROOT

    personas = tmp_path / "content" / "personas"
    personas.mkdir(parents=True)
    (personas / "real.yaml").write_text((ROOT / "personas" / "maya-revenue.yaml").read_text()
                                        .replace("id: maya-revenue", "id: maya-copy"))
    (personas / "alias.yml").symlink_to(personas / "real.yaml")
    code, out = validate(capsys, tmp_path / "content")
    assert "symbolic link" not in out
    assert "persona id 'maya-copy' is already used" in out  # read twice: once per name


@pytest.mark.parametrize("size", [MAX_BYTES + 1, 20 * MAX_BYTES])
def test_a_file_over_the_size_limit_is_refused_with_a_message(capsys, tmp_path, size):
    big = tmp_path / "content" / "scenarios" / "big.yaml"
    big.parent.mkdir(parents=True)
    with big.open("wb") as f:  # sparse where the filesystem allows: nothing is read
        f.write(b"id: big\n")
        f.truncate(size)
    code, out = validate(capsys, tmp_path / "content")
    assert code == 2
    assert f"big.yaml:1: file is {size:,} bytes; the limit is {MAX_BYTES:,}" in out


@pytest.mark.parametrize("value", ["!!int", "!!float", "!!int _"])
def test_an_empty_tagged_number_is_a_bad_value_not_a_traceback(capsys, tmp_path, value):
    # found by the content fuzzer: PyYAML reads the sign of an empty number as value[0]
    persona = tmp_path / "content" / "personas" / "p.yaml"
    persona.parent.mkdir(parents=True)
    persona.write_text(f"id: p\npatience: {value}\n")
    code, out = validate(capsys, tmp_path / "content")
    assert code == 2
    assert "p.yaml:2: bad value" in out
