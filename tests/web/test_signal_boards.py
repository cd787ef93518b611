"""The log form's signal boards: one per animal, headed once by its name and species, offering
only the signals its program offers for its role (see docs/web.md, *Which signals a board
offers*)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from ratbond.programs import builtin_program, builtin_vocabulary, role_signals

from .helpers import cat_and_rat

LEGEND = re.compile(r"<legend>(.*?)</legend>")
SIGNAL = re.compile(r'name="signal" value="([^":]+):([^"]+)"')


def add_rats(client: TestClient, *names: str) -> None:
    for name in names:
        body = {"species": "rat", "name": name, "origin": "breeder", "arrived": "2026-09-01"}
        assert client.post("/api/v1/animals", json=body).status_code == 201


def program_offers(program: str, role: str) -> set[str]:
    return set(role_signals(builtin_program(program), builtin_vocabulary(), role))


def offered(page: str) -> dict[str, set[str]]:
    """The signals each animal's board offers."""
    boards: dict[str, set[str]] = {}
    for animal, signal in SIGNAL.findall(page):
        boards.setdefault(animal, set()).add(signal)
    return boards


def test_a_cat_rat_board_names_each_animal_once_with_its_species(client: TestClient) -> None:
    cat_and_rat(client)
    page = client.get("/introductions/tom-pip/log").text
    assert LEGEND.findall(page) == ["Tom (cat)", "Pip (rat)"]
    boards = offered(page)
    assert boards == {
        "tom": program_offers("cat-rat", "cat"),
        "pip": program_offers("cat-rat", "rat"),
    }
    assert boards["tom"] == set(builtin_vocabulary().signals["cat"])
    assert "pinning" not in boards["pip"]


def test_a_rat_rat_board_names_the_role_and_offers_rat_signals(client: TestClient) -> None:
    add_rats(client, "Bea", "Pip")
    start = {"program": "rat-rat", "roles": {"newcomer": ["bea"], "residents": ["pip"]}}
    assert client.post("/api/v1/introductions", json=start).status_code == 201
    page = client.get("/introductions/bea-pip/log").text
    assert LEGEND.findall(page) == [
        'Bea (rat) <span class="hint">newcomer</span>',
        'Pip (rat) <span class="hint">residents</span>',
    ]
    rats = program_offers("rat-rat", "newcomer")
    assert offered(page) == {"bea": rats, "pip": program_offers("rat-rat", "residents")}
    assert {"pinning", "fighting"} <= rats
    assert "takes_treat_from_hand" not in rats


def test_a_rat_human_board_offers_no_cat_signal(client: TestClient) -> None:
    add_rats(client, "Pip")
    start = {"program": "rat-human", "roles": {"rat": ["pip"]}}
    assert client.post("/api/v1/introductions", json=start).status_code == 201
    page = client.get("/introductions/pip/log").text
    assert LEGEND.findall(page) == ["Pip (rat)"]
    boards = offered(page)
    assert boards == {"pip": program_offers("rat-human", "rat")}
    assert "takes_treat_from_hand" in boards["pip"]
    assert not boards["pip"] & {"slow_blink", "stalking", "pouncing"}
