"""Program pages list every program and show each stage's instructions from its program file."""

from __future__ import annotations

import html

import pytest
from fastapi.testclient import TestClient

from ratbond.programs import builtin_programs


def test_the_list_names_every_program_and_its_stages(client: TestClient) -> None:
    text = html.unescape(client.get("/programs").text)
    for program in builtin_programs().values():
        assert f'href="/programs/{program.id}"' in text
        assert program.title in text
        for stage in program.stages:
            assert stage.title in text


@pytest.mark.parametrize("program_id", sorted(builtin_programs()))
def test_a_program_page_shows_each_stage_in_full(client: TestClient, program_id: str) -> None:
    response = client.get(f"/programs/{program_id}")
    assert response.status_code == 200
    text = html.unescape(response.text)
    program = builtin_programs()[program_id]
    for stage in program.stages:
        assert f'id="stage-{stage.id}"' in text
        assert " ".join(stage.setup.split()) in " ".join(text.split())
        for line in (*stage.watch_for, *stage.end_early_if):
            assert line in text


def test_rat_rat_lists_squeaking_as_calm(client: TestClient) -> None:
    """The program's class overrides show: a squeak between rats is normal."""
    text = client.get("/programs/rat-rat").text
    calm = text.split('class="class-calm"')[1].split("<h4")[0]
    assert "squeaking" in calm


def test_an_unknown_program_is_a_404_with_a_hint(client: TestClient) -> None:
    response = client.get("/programs/rat-hooman")
    assert response.status_code == 404
    assert (
        "unknown program &#39;rat-hooman&#39; (did you mean &#39;rat-human&#39;?)" in response.text
    )
