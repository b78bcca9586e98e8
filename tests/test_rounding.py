"""Issue 17.6: one rate, one rounding rule (half away from zero, in decimal) on every face."""

from hypothesis import given
from hypothesis import strategies as st

from someplan.i18n import percent
from someplan.rounding import fixed, rounded


def test_ties_round_up_whatever_the_float_stores():
    assert percent(3.95) == "4.0 %"
    assert percent(3.9499999999999997) == "4.0 %"  # a mean of rates that is 3.95 on paper
    assert percent(3.85) == "3.9 %"  # stored as 3.8499999999999996
    assert percent(0.05) == "0.1 %" and percent(-0.04) == "0.0 %"
    assert rounded(2.675, 2) == 2.68 and fixed(1.005, 2) == "1.01"


@given(st.integers(0, 10**7))
def test_hundredths_round_half_up_to_tenths(n):
    whole, tenth = divmod((n + 5) // 10, 10)  # the paper rule on exact hundredths
    assert fixed(n / 100, 1) == f"{whole}.{tenth}"
