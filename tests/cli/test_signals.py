"""`ratbond signals`: the vocabulary `log --signal` takes, readable at any width."""

from __future__ import annotations

import pytest

from ratbond.programs import builtin_vocabulary
from tests.cli.process import ratbond


@pytest.mark.parametrize("columns", ["40", "100"])
def test_every_signal_of_a_species_is_listed_with_its_class_and_looks(columns: str) -> None:
    done = ratbond("signals", "--species", "cat", COLUMNS=columns)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines) <= int(columns)
    cat = builtin_vocabulary().signals["cat"]
    assert [line.split()[0] for line in lines if line and not line.startswith(" ")][1:] == list(cat)
    assert f"hissing  {cat['hissing'].class_}" in lines
    assert "Rat signals" not in done.stdout


def test_a_program_lists_its_species_with_the_classes_it_gives_them() -> None:
    done = ratbond("signals", "--program", "rat-rat", COLUMNS="100")
    assert done.returncode == 0, done.stderr
    assert "Cat signals" not in done.stdout
    assert "squeaking  calm" in done.stdout.splitlines()
    assert "squeaking  calm" not in ratbond("signals", "--species", "rat").stdout.splitlines()


def test_an_unknown_program_is_one_line_naming_the_known_ones() -> None:
    done = ratbond("signals", "--program", "cat-rut")
    assert done.returncode == 2
    assert done.stderr.startswith(
        "error: --program: unknown program 'cat-rut' (did you mean 'cat-rat'?); known: cat-rat, "
    )
    assert done.stderr.count("\n") == 1
