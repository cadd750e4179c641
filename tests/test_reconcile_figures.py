import pytest

from skyledger.reconcile.figures import Range, figure_range


@pytest.mark.parametrize(
    ("standing", "expected"),
    [
        ([11, 10], Range(10, 10, 11, True)),  # two claimants: the lower middle figure
        ([7, 7], Range(7, 7, 7, False)),
        ([5, 9, 7], Range(5, 7, 9, True)),  # three claimants: the median
        ([5, 9, 7, 20], Range(5, 7, 20, True)),
        ([4], Range(4, 4, 4, False)),
        ([None, 3], Range(3, 3, 3, False)),  # a claim without a figure takes no part
        ([None], Range(None, None, None, False)),
        ([], Range(None, None, None, False)),
    ],
)
def test_figure_range(standing, expected):
    assert figure_range(standing) == expected
