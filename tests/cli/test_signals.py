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


def test_a_program_offers_each_role_only_the_signals_it_uses() -> None:
    def listed(*options: str) -> set[str]:
        done = ratbond("signals", *options, COLUMNS="100")
        assert done.returncode == 0, done.stderr
        return {line.split()[0] for line in done.stdout.splitlines()[1:] if line[:1].isalpha()}

    near_a_cat = listed("--program", "cat-rat", "--species", "rat")
    assert {"freezing", "wound", "relaxed"} <= near_a_cat
    assert not {"pinning", "fighting", "takes_treat_from_hand"} & near_a_cat
    with_a_person = listed("--program", "rat-human")
    assert "takes_treat_from_hand" in with_a_person
    assert "fighting" not in with_a_person
    assert (
        "Rat signals in rat-rat (newcomer, residents)"
        in ratbond("signals", "--program", "rat-rat").stdout
    )
