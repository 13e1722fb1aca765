"""Checks for the exercises of the book: each gives a short verdict, never a traceback.

Every exercise of a chapter is followed by a check cell, written like this::

    with answer_check() as check:
        check.function(leaky_relu, "leaky_relu")
        check.that(leaky_relu(-2.0) < 0, f"`leaky_relu(-2.0)` should be negative, got ...")

The block stops at the first expectation that fails, and at any error that the
learner's code raises while it runs. It prints one line: either that all checks
pass, or a hint that names what is wrong ("`leaky_relu` is not defined yet ...").

For grading (the nbgrader course, see the teachers' pages), ``grading=True`` makes a
failed check raise :class:`CheckFailed` as well, so that the grader counts the
cell as failed; the error still shows only the hint.

What a check compares an answer with, it computes itself; when that takes long (a
network trained as the exercise says), :func:`reference` keeps it for the check's next
run, after a corrected answer.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable
from types import TracebackType

import numpy as np

# The chapters import these from here too.
from nnlib._references import reference as reference
from nnlib._showing import kind_of, show, shown_apart

PASS_MARK = "✓"
# Arrays up to this size show whole in a hint; of larger ones, the element that is most off.
SHOWN_WHOLE = 6
FAIL_MARK = "✗"


class CheckFailed(AssertionError):
    """An answer did not pass a check; the message is the hint for the learner."""

    def _render_traceback_(self) -> list[str]:
        # IPython shows these lines in place of a traceback.
        return [f"{FAIL_MARK} {self}"]


class AnswerCheck:
    """The expectations of one check cell; use it through :func:`answer_check`."""

    def __init__(self, *, grading: bool = False) -> None:
        self.grading = grading
        self.passed = 0
        self.answer_names: tuple[str, ...] = ()

    def answers(self, *names: str) -> None:
        """Name what the learner's answer defines, and expect each name to be defined.

        Call it first in a check cell. A name missing from the answer then gets the
        hint to write the answer; a name the check uses that is missing otherwise
        (a function or variable of the chapter) gets the hint to run the chapter's
        cells above first, instead of being taken for a missing answer.
        """
        self.answer_names = names
        # The check cell, whose namespace holds the answer: the caller, past the
        # wrapper that mutation testing (`make mutants`) puts around each function.
        cell = sys._getframe(1)
        while str(cell.f_globals.get("__name__")).startswith("mutmut."):
            cell = cell.f_back
        for name in names:
            if name not in cell.f_locals and name not in cell.f_globals:
                raise CheckFailed(hint_for(NameError(name=name)))

    def that(self, condition: object, hint: str) -> None:
        """Expect ``condition`` to be true; otherwise fail with ``hint``."""
        if not isinstance(condition, (bool, np.bool_)):
            raise TypeError(
                f"that(): expected the condition to be True or False, got {kind_of(condition)}"
                " (use np.all or np.allclose for arrays)"
            )
        if not condition:
            raise CheckFailed(hint)
        self.passed += 1

    def function(self, value: object, name: str) -> None:
        """Expect ``value`` to be something that can be called, such as a function."""
        self.that(callable(value), f"`{name}` should be a function, got {kind_of(value)}")

    def shape(self, value: object, expected: tuple[int, ...], name: str) -> None:
        """Expect an array (or nested list) of the shape ``expected``."""
        try:
            actual = np.shape(value)
        except ValueError:  # a ragged nested list has no shape
            actual = None
        is_numeric = actual is not None and np.asarray(value).dtype.kind in "biuf"
        self.that(
            is_numeric and actual == tuple(expected),
            f"`{name}` should be an array of shape {show(tuple(expected))}, got "
            + (f"shape {show(actual)}" if is_numeric else kind_of(value)),
        )

    def value(
        self,
        value: object,
        expected: object,
        name: str,
        *,
        why: str | None = None,
        rtol: float = 1e-9,
        atol: float = 1e-12,
    ) -> None:
        """Expect a number or an array equal to ``expected`` within the tolerances.

        For a larger array, the hint names the element that is most off. It shows the
        expected value, unless ``why`` is given: then it shows what came and ``why``
        instead, so that the check does not give the answer away.
        """
        expected_array = np.asarray(expected, dtype=float)
        if isinstance(expected, tuple) and expected_array.ndim == 1:
            # A pair or a triple of numbers: the learner writes a tuple, not an array.
            size = len(expected)
            try:
                is_sequence = isinstance(value, (tuple, list, np.ndarray))
                is_sequence = is_sequence and np.shape(value) == (size,)
            except ValueError:  # a ragged nested list has no shape
                is_sequence = False
            self.that(
                is_sequence,
                f"`{name}` should be a tuple of {size} numbers, got "
                + (show(value) if isinstance(value, (tuple, list)) else kind_of(value)),
            )
        elif expected_array.ndim:
            self.shape(value, expected_array.shape, name)
        try:
            actual = np.asarray(value)
        except ValueError:  # a ragged nested list
            actual = None
        if (
            actual is None
            or actual.dtype.kind not in "biuf"
            or actual.shape != expected_array.shape
        ):
            self.that(False, f"`{name}` should be a number, got {kind_of(value)}")
        close = np.isclose(actual, expected_array, rtol=rtol, atol=atol)
        if np.all(close):
            self.that(True, "")
            return
        slip = _slip(actual, expected_array, rtol=rtol, atol=atol)
        if slip is not None:
            self.that(False, f"`{name}` {slip}")
        if expected_array.size > SHOWN_WHOLE:  # name the element that differs most
            gaps = np.where(close, 0.0, np.abs(actual - expected_array))
            where = tuple(int(i) for i in np.unravel_index(np.argmax(gaps), gaps.shape))
            name = f"{name}[{', '.join(map(str, where))}]"
            expected, value = expected_array[where], actual[where]
        value_text, expected_text = shown_apart(value, expected)
        if why is None:
            self.that(False, f"`{name}` should be {expected_text}, got {value_text}")
        self.that(False, f"`{name}` is not right, got {value_text}: {why}")

    def quiet(self, function: Callable[..., object], *args: object, name: str) -> object:
        """Call ``function(*args)`` and return its result; fail if it gives a warning."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = function(*args)
        self.that(
            not caught,
            f"`{name}` should give no warning, but warns: {caught[0].message}" if caught else "",
        )
        return result

    def __enter__(self) -> AnswerCheck:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> bool:
        if error is None:
            if self.passed == 0 and self.answer_names:  # only `answers`: nothing judged yet
                names = [f"`{name}`" for name in self.answer_names]
                defined = " and ".join(filter(None, [", ".join(names[:-1]), names[-1]]))
                print(f"{PASS_MARK} Your answer defines {defined}.")
                return False
            count = "The check passes" if self.passed == 1 else f"All {self.passed} checks pass"
            print(f"{PASS_MARK} {count}.")
            return False
        if not isinstance(error, Exception):  # an interrupt stops the check as usual
            return False
        # A name missing in the check itself is an answer not yet given; one missing
        # deeper down is a mistake inside the learner's own code.
        in_answer = traceback is not None and traceback.tb_next is not None
        if (
            isinstance(error, NameError)
            and self.answer_names
            and error.name
            and error.name not in self.answer_names
            and not in_answer
        ):
            hint = (
                f"`{error.name}` is not defined: it comes from the chapter, not from your "
                "answer; run the chapter's cells above first (Run → Run All Above), "
                "then your answer and this check."
            )
        else:
            hint = hint_for(error, in_answer=in_answer)
        if self.grading:
            raise CheckFailed(hint) from None
        print(f"{FAIL_MARK} {hint}")
        return True


def _slip(actual: np.ndarray, expected: np.ndarray, *, rtol: float, atol: float) -> str | None:
    """What a learner often does to a right result, if ``actual`` is ``expected`` after
    it: a share (between 0 and 1) given as a percentage, or a result rounded to at
    most six decimals (a share also as a percentage). Else None."""
    several = expected.ndim > 0
    is_share = bool(np.all((expected >= 0) & (expected <= 1)) and np.any(expected > 0))
    if is_share and np.allclose(actual, 100 * expected, rtol=rtol, atol=100 * atol):
        if several:
            return "holds percentages: store shares, between 0 and 1"
        return "is a percentage: store the share, between 0 and 1"
    scales = (1, 100) if is_share else (1,)
    rounded_from = [
        scale
        for scale in scales
        if any(np.array_equal(actual, np.round(scale * expected, digits)) for digits in range(7))
    ]
    if not rounded_from:
        return None
    # A number of one significant digit (0, 0.2, [0., 1.]) is as often the bound, a
    # constant or another mistake as a rounded result: nothing is said of it.
    one_digit = [float(f"{number:.1g}") for number in actual.ravel().tolist()]
    if np.array_equal(actual.ravel(), one_digit):
        return None
    got = "" if several else f", got {show(actual.item())}"
    if rounded_from[0] == 1:
        kind = "holds rounded values" if several else "is rounded"
        return f"{kind}{got}: keep every digit, and round only what you print"
    if several:
        return "holds rounded percentages: store shares, between 0 and 1, with every digit"
    return f"is a rounded percentage{got}: store the share, between 0 and 1, with every digit"


def hint_for(error: Exception, *, in_answer: bool = False) -> str:
    """The one line a learner sees for an error that stopped a check; ``in_answer``:
    the error came from inside the learner's code, not from the check's own lines."""
    if isinstance(error, CheckFailed):
        return str(error)
    if isinstance(error, NameError) and error.name and not in_answer:
        return (
            f"`{error.name}` is not defined yet: write your answer in the cell above "
            "and run it, then run this check again."
        )
    return f"Your code raised {type(error).__name__} during the check: {error}"


def answer_check(*, grading: bool = False) -> AnswerCheck:
    """Start the check of an exercise's answer: ``with answer_check() as check: ...``."""
    return AnswerCheck(grading=grading)
