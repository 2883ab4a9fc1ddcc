"""Work a function does, counted instead of timed.

Unit tests never time code (the machines are shared and noisy; speed figures come from
benchmarks/). A test of "linear, not quadratic" counts the Python and builtin calls that a
function makes through ``sys.setprofile`` instead: the count is the same on a busy and an idle
machine, and a loop over lines or runs that goes quadratic multiplies it. What happens inside one
C call (a regex search) is not counted: the regex audit (tests/test_hostile_regex.py) bounds every
pattern's backtracking on adversarial text.
"""

from __future__ import annotations

import sys
from collections.abc import Callable


def calls(fn: Callable[[], object]) -> int:
    """Python and builtin calls (and their returns) made while fn() runs."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        count += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(previous)
    return count


def assert_linear(work: Callable[[object], object], small: object, large: object, ratio: float, *,
                  what: str = "", slack: float = 1.6, base: int = 200) -> tuple[int, int]:
    """work(large), on an input ``ratio`` times the size of ``small``, makes at most ``ratio`` times
    the calls of work(small) (times ``slack``, plus ``base`` for fixed costs). Warm work's caches on a
    third input first if they would make the first call dearer. Returns both counts."""
    a = calls(lambda: work(small))
    b = calls(lambda: work(large))
    assert b <= ratio * a * slack + base, f"{what}: {a:,} calls at n, {b:,} at {ratio:g}n (superlinear)"
    return a, b
