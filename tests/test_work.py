"""The call counter that the linear-work tests rely on tells linear from quadratic work."""

import pytest

from tests.work import assert_linear, calls


def _same(a, b):
    return a == b


def _each(items):
    return [_same(a, a) for a in items]


def _pairs(items):
    return [_same(a, b) for a in items for b in items]


def test_calls_are_counted_whatever_the_machine_does():
    assert calls(lambda: _each(range(1_000))) == calls(lambda: _each(range(1_000)))
    assert calls(lambda: _each(range(2_000))) > calls(lambda: _each(range(1_000)))


def test_linear_work_passes_and_quadratic_work_fails():
    assert_linear(_each, range(1_000), range(4_000), 4)
    with pytest.raises(AssertionError, match="superlinear"):
        assert_linear(_pairs, range(100), range(400), 4)
