"""The small-number rule for downloads. Pure: figures are built by hand."""

from django.test import override_settings

from family_resources.reporting.suppression import Suppressed, suppress
from family_resources.reporting.tables import Column, Figure, Kind, Row, Sum

HIDDEN = Suppressed(5)
WITHHELD = Suppressed(5, small=False)


def figure(*rows: tuple[int | float | None, ...], sums: tuple[Sum, ...] = ()) -> Figure:
    return Figure(
        slug="test",
        title="Test",
        description="",
        row_heading="Month",
        columns=(
            Column("a", "A"),
            Column("b", "B"),
            Column("c", "C"),
            Column("total", "Total"),
            Column("share", "% A", Kind.PERCENT, based_on=("a", "total")),
        ),
        rows=tuple(Row(index, f"Row {index}", values) for index, values in enumerate(rows)),
        sums=sums,
    )


ABC = (Sum(parts=("a", "b", "c"), total="total"),)


def test_counts_from_1_to_4_are_hidden_and_zero_and_5_are_not():
    rows = suppress(figure((0, 5, 6, 11, 0.0), (1, 4, 0, 5, 20.0)))

    assert rows[0] == [0, 5, 6, 11, 0.0]
    assert rows[1][:2] == [HIDDEN, HIDDEN]
    assert rows[1][2] == 0


def test_a_value_worked_out_from_a_small_count_is_hidden_with_it():
    rows = suppress(figure((3, 10, 10, 23, 13.0)))

    assert rows[0][4] == WITHHELD


def test_one_hidden_part_of_a_sum_takes_the_next_smallest_part_with_it():
    """With the total shown, 3 = 23 - 10 - 10: so the smaller of the other parts is hidden too."""
    rows = suppress(figure((3, 12, 8, 23, 13.0), sums=ABC))

    assert rows[0][:4] == [HIDDEN, 12, WITHHELD, 23]


def test_zero_parts_are_never_hidden_to_protect_another():
    rows = suppress(figure((3, 0, 20, 23, 13.0), sums=ABC))

    assert rows[0][:4] == [HIDDEN, 0, WITHHELD, 23]


def test_two_hidden_parts_protect_each_other():
    rows = suppress(figure((3, 2, 20, 25, 12.0), sums=ABC))

    assert rows[0][:4] == [HIDDEN, HIDDEN, 20, 25]


def test_a_small_total_hides_its_parts_already():
    rows = suppress(figure((3, 0, 0, 3, 100.0), sums=ABC))

    assert rows[0] == [HIDDEN, 0, 0, HIDDEN, WITHHELD]


def test_a_part_hidden_for_one_sum_is_protected_in_another():
    """b is hidden to protect a in the first sum; b alone would then show through the second sum."""
    two_sums = (Sum(parts=("a", "b"), total="total"), Sum(parts=("b", "c"), total="total"))
    rows = suppress(figure((3, 10, 10, 13, 23.1), sums=two_sums))

    assert rows[0][:4] == [HIDDEN, WITHHELD, WITHHELD, 13]


def test_a_small_rest_of_a_total_withholds_the_part_it_could_be_worked_out_from():
    """20 contacts of which 18 referrals: the 2 that were not referrals would show by subtraction."""
    some = (Sum(parts=("a",), total="total", complete=False),)

    assert suppress(figure((18, 0, 0, 20, 90.0), sums=some))[0][:4] == [WITHHELD, 0, 0, 20]
    assert suppress(figure((15, 0, 0, 20, 75.0), sums=some))[0][:4] == [15, 0, 0, 20]
    assert suppress(figure((20, 0, 0, 20, 100.0), sums=some))[0][:4] == [20, 0, 0, 20]


@override_settings(REPORTING_SMALL_NUMBER_LIMIT=10)
def test_the_limit_is_a_setting():
    rows = suppress(figure((9, 10, 0, 19, 47.4)))

    assert rows[0][:2] == [Suppressed(10), 10]
    assert str(rows[0][0]) == "fewer than 10"


def test_the_hidden_cell_says_why():
    assert str(HIDDEN) == "fewer than 5"
    assert str(WITHHELD) == "withheld"
