"""Animals in the store: a weight no pet has is refused."""

from __future__ import annotations

import pytest

from ratbond.errors import InputError
from ratbond.store import Database
from tests.store.helpers import TODAY, cat_and_rat


@pytest.mark.parametrize(("who", "grams"), [("pip", 1500), ("pip", 50_000), ("tom", 15_000)])
def test_a_weight_no_pet_has_is_refused(db: Database, who: str, grams: float) -> None:
    from ratbond.store.animals import add_weight, list_weights

    cat_and_rat(db)
    with pytest.raises(InputError, match=r"^grams: .* is not the weight of a pet"):
        add_weight(db, who, grams, today=TODAY)
    assert list_weights(db, who) == []
    assert add_weight(db, who, 400, today=TODAY).grams == 400
