"""Ask: real questions find the right entry; odd input is handled; every answer cites."""

from __future__ import annotations

import pytest

from ratbond.care.ask import ask, knowledge_documents
from ratbond.errors import InputError


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how long does bonding take?", "faq:bonding_time"),
        ("Do rats bond to one person?", "faq:one_person"),
        ("can my cat live with rats", "faq:cats_and_rats"),
        ("how long should I quarantine a new rat", "faq:quarantine"),
        ("what treats can I give", "faq:treats"),
        ("should I wear gloves", "faq:gloves"),
        ("what is forced socialization", "faq:forced_socialisation"),
        ("is banana safe", "food:banana"),
        ("why is my rat hissing", "sign:vocalisations/hissing"),
        ("how big should the cage be", "faq:cage_size"),
        ("how do I know my rat trusts me", "faq:trust_signs"),
        ("letting rats out to play safely", "faq:free_roam"),
    ],
)
def test_questions_find_the_right_entry(question: str, expected: str) -> None:
    result = ask(question)
    assert result.answers, question
    assert result.answers[0].id == expected


def test_program_stage_instructions_are_searchable() -> None:
    ids = [doc.id for doc in ask("hand feeding treats from fingers", limit=10).answers]
    assert "stage:rat-human/hand_feeding" in ids


def test_typo_is_corrected_and_reported() -> None:
    result = ask("quarantene")
    assert ("quarantene", "quarantine") in result.corrections
    assert {doc.id for doc in result.answers} >= {"faq:quarantine"}


@pytest.mark.parametrize(
    "question",
    ['"unbalanced quote', "NEAR(bonding", "bonding OR", "cage* AND -bars", "title:cage", "^x"],
)
def test_fts_syntax_in_a_question_is_just_text(question: str) -> None:
    ask(question)  # no sqlite3.OperationalError


@pytest.mark.parametrize("question", ["", "   ", "?!?", "...", "_"])
def test_a_question_without_words_is_an_input_error(question: str) -> None:
    with pytest.raises(InputError, match="type a question") as caught:
        ask(question)
    assert caught.value.path == "question"


def test_filler_words_only_or_off_topic_find_nothing() -> None:
    assert ask("how is it?").answers == ()
    assert ask("capital of France").answers == ()


def test_limit() -> None:
    assert len(ask("cage", limit=5).answers) == 5
    with pytest.raises(InputError):
        ask("rat", limit=0)


def test_every_document_cites_a_seed_or_a_source_and_has_both_lengths() -> None:
    docs = knowledge_documents()
    assert len({doc.id for doc in docs}) == len(docs)
    for doc in docs:
        assert doc.seeds or doc.sources, doc.id
        assert doc.brief, doc.id
        assert doc.detail, doc.id
