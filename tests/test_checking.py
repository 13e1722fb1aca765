"""nnlib.checking: the verdict of a check cell, for answers right, wrong, missing and broken."""

from __future__ import annotations

import numpy as np
import pytest

from nnlib.checking import (
    CheckFailed,
    answer_check,
    hint_for,
    kind_of,
    reference,
    show,
    shown_apart,
)


def verdict(capsys, body, *, grading=False):
    """Run ``body(check)`` inside a check block; return the printed verdict."""
    with answer_check(grading=grading) as check:
        body(check)
    return capsys.readouterr().out


def test_a_passing_check_counts_its_expectations(capsys):
    def body(check):
        check.that(True, "never shown")
        check.value(0.5, 0.5, "half")
        check.shape(np.zeros((2, 3)), (2, 3), "zeros")

    assert verdict(capsys, body) == "✓ All 3 checks pass.\n"
    assert verdict(capsys, lambda check: check.that(True, "")) == "✓ The check passes.\n"


def test_the_first_failed_expectation_ends_the_check_with_its_hint(capsys):
    def body(check):
        check.that(False, "`leaky_relu(-2.0)` should be negative, got 0.0")
        raise AssertionError("not reached")

    assert verdict(capsys, body) == "✗ `leaky_relu(-2.0)` should be negative, got 0.0\n"


def test_a_missing_name_asks_for_the_answer_cell(capsys):
    with answer_check() as check:  # written as in a check cell, with no helper between
        check.function(leaky_relu, "leaky_relu")  # noqa: F821 (the missing answer)
    out = capsys.readouterr().out
    assert out.startswith("✗ `leaky_relu` is not defined yet: write your answer")
    assert "Traceback" not in out


def test_a_name_missing_inside_the_answer_is_a_mistake_in_it_not_a_missing_answer(capsys):
    def answer():
        return initial_weights(2, 3)  # noqa: F821 (not imported)

    out = verdict(capsys, lambda check: check.value(answer(), [[0, 0, 0]] * 2, "W"))
    assert out == (
        "✗ Your code raised NameError during the check: name 'initial_weights' is not defined\n"
    )


def test_an_error_in_the_answer_is_named_without_a_traceback(capsys):
    def broken(x):
        if x > 0:  # the per-element `if` that fails on arrays
            return x
        return 0.01 * x

    out = verdict(capsys, lambda check: check.value(broken(np.array([-1.0, 1.0])), [0, 1], "f"))
    assert out.startswith("✗ Your code raised ValueError during the check: The truth value")
    assert out.count("\n") == 1


def test_value_hints_show_the_expected_value_or_only_why(capsys):
    out = verdict(capsys, lambda check: check.value(np.float64(0.0), -0.02, "leaky_relu(-2.0)"))
    assert out == "✗ `leaky_relu(-2.0)` should be -0.02, got 0.0\n"
    out = verdict(
        capsys, lambda check: check.value(3, 2, "layer_nodes", why="one node per row of W")
    )
    assert out == "✗ `layer_nodes` is not right, got 3: one node per row of W\n"


def test_a_hint_names_the_element_most_off_in_a_large_array_and_shows_a_small_one_whole(capsys):
    points = np.linspace(-4, 4, 101)
    out = verdict(capsys, lambda check: check.value(np.tanh(points), np.tanh(points / 2), "f(x)"))
    gap = np.abs(np.tanh(points) - np.tanh(points / 2))
    assert gap.argmax() == 37
    assert out == "✗ `f(x)[37]` should be -0.4777, got -0.777888\n"
    grid = np.zeros((3, 4))
    grid[2, 1] = 0.5
    out = verdict(capsys, lambda check: check.value(grid, np.zeros((3, 4)), "grid", why="zeros"))
    assert out == "✗ `grid[2, 1]` is not right, got 0.5: zeros\n"
    out = verdict(
        capsys, lambda check: check.value([[1, 2], [3, 5]], [[1, 2], [3, 4]], "W", why="see W")
    )
    assert out == "✗ `W` is not right, got [[1, 2], [3, 5]]: see W\n"


@pytest.mark.parametrize(
    ("value", "got"),
    [
        (np.zeros((1, 2)), "shape (1, 2)"),
        ([1.0, 2.0, 3.0], "shape (3,)"),
        ("text", "a str"),
        (None, "None"),
        ([[1.0], [2.0, 3.0]], "a list"),
    ],
)
def test_shape_names_the_expected_and_the_actual_shape(capsys, value, got):
    out = verdict(capsys, lambda check: check.value(value, [1.0, 2.0], "product"))
    assert out == f"✗ `product` should be an array of shape (2,), got {got}\n"


def test_a_number_is_not_accepted_for_an_array_nor_an_array_for_a_number(capsys):
    out = verdict(capsys, lambda check: check.value(np.array([1.0, 2.0]), 1.0, "bound"))
    assert out == "✗ `bound` should be a number, got an array of shape (2,)\n"
    out = verdict(capsys, lambda check: check.value("0.2", 0.2, "bound"))
    assert out == "✗ `bound` should be a number, got a str\n"


def test_function_rejects_what_cannot_be_called(capsys):
    out = verdict(capsys, lambda check: check.function(0.5, "sigmoid"))
    assert out == "✗ `sigmoid` should be a function, got a float\n"


def test_quiet_returns_the_result_and_fails_on_a_warning(capsys):
    def body(check):
        assert check.quiet(np.exp, -1000.0, name="np.exp(-1000.0)") == 0.0
        check.quiet(np.exp, 1000.0, name="np.exp(1000.0)")

    assert verdict(capsys, body) == (
        "✗ `np.exp(1000.0)` should give no warning, but warns: overflow encountered in exp\n"
    )


def test_grading_raises_so_that_the_grader_counts_the_cell_as_failed(capsys):
    with pytest.raises(CheckFailed, match="should be negative") as raised:
        verdict(capsys, lambda check: check.that(False, "should be negative"), grading=True)
    assert raised.value._render_traceback_() == ["✗ should be negative"]
    assert capsys.readouterr().out == ""
    with pytest.raises(CheckFailed, match="`answer` is not defined yet"):
        with answer_check(grading=True):
            answer  # noqa: B018, F821


def test_grading_still_reports_a_pass(capsys):
    assert verdict(capsys, lambda check: check.that(True, ""), grading=True) == (
        "✓ The check passes.\n"
    )


def test_an_interrupt_is_not_turned_into_a_verdict(capsys):
    with pytest.raises(KeyboardInterrupt):
        verdict(capsys, lambda check: (_ for _ in ()).throw(KeyboardInterrupt()))
    assert capsys.readouterr().out == ""


def test_that_refuses_an_array_condition_from_the_check_author():
    with pytest.raises(TypeError, match="expected the condition to be True or False, got an"):
        answer_check().that(np.array([True, False]), "hint")


def test_show_prints_numbers_as_a_reader_writes_them():
    assert show(np.float64(0.5)) == "0.5"
    assert show(np.int64(7)) == "7"
    assert show(np.bool_(True)) == "True"
    assert show((4, 1)) == "(4, 1)"
    assert show((6,)) == "(6,)"
    assert show(np.array([[1.0, 2.5]])) == "[[1. , 2.5]]"
    assert show(np.arange(100.0)).endswith("99.]")
    assert "..." in show(np.arange(100.0))
    assert "0x" not in show(object())


def test_hint_for_a_name_error_without_a_name_keeps_its_message():
    assert hint_for(NameError("odd")) == "Your code raised NameError during the check: odd"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1e20, "1e+20"),
        (float("inf"), "inf"),
        (float("nan"), "nan"),
        (2.0, "2.0"),
        (np.array([1 / 3, 2.0]), "[0.3333, 2. ]"),
        (np.arange(13.0), "[ 0., 1., 2., ..., 10., 11., 12.]"),
        (np.arange(12.0), "[ 0., 1., 2., 3., 4., 5., 6., 7., 8., 9., 10., 11.]"),
        (list(range(13)), "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, ...]"),
        (list(range(12)), "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]"),
        ("x" * 58, "'" + "x" * 58 + "'"),
        ("x" * 59, "'" + "x" * 56 + "..."),
        (object(), "an object"),
    ],
)
def test_show_gives_short_texts_that_do_not_depend_on_the_machine(value, text):
    assert show(value) == text


def test_kind_of_names_a_type_as_a_learner_would():
    assert [kind_of(value) for value in (3, [1], {}, None, np.zeros((2, 3)))] == [
        "an int", "a list", "a dict", "None", "an array of shape (2, 3)",
    ]  # fmt: skip


def test_a_check_block_does_not_grade_unless_asked(capsys):
    with answer_check() as check:
        check.that(False, "wrong")
    assert capsys.readouterr().out == "✗ wrong\n"


def test_function_passes_for_a_function_and_fails_for_anything_else(capsys):
    assert verdict(capsys, lambda check: check.function(len, "f")) == "✓ The check passes.\n"
    assert verdict(capsys, lambda check: check.function(3, "f")) == (
        "✗ `f` should be a function, got an int\n"
    )


def test_a_condition_that_is_an_array_is_a_mistake_of_the_check_with_a_hint(capsys):
    out = verdict(capsys, lambda check: check.that(np.array([True]), "h"))
    assert out.endswith(
        "expected the condition to be True or False, got an array of shape (1,) "
        "(use np.all or np.allclose for arrays)\n"
    )


def test_value_uses_the_tolerances_it_is_given(capsys):
    assert (
        verdict(capsys, lambda check: check.value(1.0 + 1e-6, 1.0, "x", rtol=1e-9, atol=0))[0]
        == "✗"
    )
    assert verdict(capsys, lambda check: check.value(1e-6, 0.0, "x", rtol=0, atol=1e-9))[0] == "✗"


def test_an_array_of_six_is_shown_whole_in_a_hint(capsys):
    out = verdict(capsys, lambda check: check.value(np.zeros(6), np.ones(6), "z"))
    assert out == "✗ `z` should be [1., 1., 1., 1., 1., 1.], got [0., 0., 0., 0., 0., 0.]\n"


def test_the_hint_for_a_missing_answer_says_what_to_do():
    assert hint_for(NameError("name 'f' is not defined", name="f")) == (
        "`f` is not defined yet: write your answer in the cell above and run it, then run "
        "this check again."
    )


def test_value_says_a_ragged_list_is_not_a_number(capsys):
    out = verdict(capsys, lambda check: check.value([[1, 2], [3]], 1.0, "x"))
    assert out == "✗ `x` should be a number, got a list\n"


def test_value_takes_its_own_absolute_tolerance_of_1e_12_by_default(capsys):
    assert verdict(capsys, lambda check: check.value(1e-10, 0.0, "x"))[0] == "✗"


def test_value_accepts_true_and_false_as_expected_numbers(capsys):
    out = verdict(capsys, lambda check: check.value([1.0, 0.0], [True, False], "flags"))
    assert out == "✓ All 2 checks pass.\n"  # its shape, then its values


def test_the_element_named_is_the_most_off_among_those_not_within_the_tolerance(capsys):
    expected = np.array([1000.0, 1.0, 0, 0, 0, 0, 0])
    actual = expected + np.array([0.5, 0.1, 0, 0, 0, 0, 0])  # the first is close to 1000
    out = verdict(capsys, lambda check: check.value(actual, expected, "v", rtol=1e-3))
    assert out == "✗ `v[1]` should be 1.0, got 1.1\n"


def test_a_hint_shows_as_many_digits_as_it_takes_to_tell_the_values_apart(capsys):
    out = verdict(capsys, lambda check: check.value(0.9 - 2e-7, 0.9, "sigma(b)"))
    assert out == "✗ `sigma(b)` should be 0.9, got 0.8999998\n"
    out = verdict(capsys, lambda check: check.value(0.9 - 2e-8, 0.9, "y", why="see y"))
    assert out == "✗ `y` is not right, got 0.89999998: see y\n"
    out = verdict(capsys, lambda check: check.value([0.5, 0.9 + 1e-7], [0.5, 0.9], "v"))
    assert out == "✗ `v` should be [0.5, 0.9], got [0.5, 0.9000001]\n"


@pytest.mark.parametrize(
    ("value", "expected", "texts"),
    [  # apart at 8, 12 and 14 digits: each text has no digit more than it needs
        (0.123456712345, 0.123456723456, ("0.12345671", "0.12345672")),
        (0.12345678901234, 0.12345678902345, ("0.123456789012", "0.123456789023")),
        (0.1234567890123456, 0.1234567890124567, ("0.12345678901235", "0.12345678901246")),
    ],
)
def test_shown_apart_adds_digits_in_steps_until_the_texts_differ(value, expected, texts):
    assert shown_apart(value, expected) == texts


def test_show_gives_the_items_of_a_list_or_tuple_the_digits_asked_for():
    assert show([0.123456789, 2], 9) == "[0.123456789, 2]"
    assert show((0.123456789,), 9) == "(0.123456789,)"


def test_shown_apart_keeps_the_short_texts_when_they_differ():
    assert shown_apart(0.5, 0.25) == ("0.5", "0.25")
    assert shown_apart(1 / 3, 1 / 3 + 1e-10) == ("0.3333333333", "0.3333333334")
    assert shown_apart(0.1, 0.1) == ("0.10000000000000001", "0.10000000000000001")


def test_a_pair_is_asked_for_as_a_tuple_not_as_an_array(capsys):
    out = verdict(capsys, lambda check: check.value((4,), (4, 1), "shape_one"))
    assert out == "✗ `shape_one` should be a tuple of 2 numbers, got (4,)\n"
    out = verdict(capsys, lambda check: check.value(np.ones((4, 1)), (4, 1), "shape_one"))
    assert out == "✗ `shape_one` should be a tuple of 2 numbers, got an array of shape (4, 1)\n"
    out = verdict(capsys, lambda check: check.value(4, (4, 1), "shape_one"))
    assert out == "✗ `shape_one` should be a tuple of 2 numbers, got an int\n"
    assert verdict(capsys, lambda check: check.value([4, 1], (4, 1), "s"))[0] == "✓"
    out = verdict(capsys, lambda check: check.value([[4], [1, 2]], (4, 1), "s"))
    assert out == "✗ `s` should be a tuple of 2 numbers, got [[4], [1, 2]]\n"
    out = verdict(capsys, lambda check: check.value((1, 4), (4, 1), "s", why="rows"))
    assert out == "✗ `s` is not right, got (1, 4): rows\n"


def test_answers_asks_for_a_missing_answer_before_anything_else(capsys):
    layer_nodes = 2  # noqa: F841 (read by answers() from this namespace)
    with answer_check() as check:
        check.answers("layer_nodes", "layer_output")
    assert capsys.readouterr().out.startswith(
        "✗ `layer_output` is not defined yet: write your answer in the cell above"
    )


def test_a_name_missing_from_the_chapter_is_told_apart_from_a_missing_answer(capsys):
    tanh_from_sigmoid = np.tanh
    with answer_check() as check:
        check.answers("tanh_from_sigmoid")
        check.value(tanh_from_sigmoid(0.5), sigmoid_of_the_chapter(0.5), "t")  # noqa: F821
    assert capsys.readouterr().out == (
        "✗ `sigmoid_of_the_chapter` is not defined: it comes from the chapter, not from "
        "your answer; run the chapter's cells above first (Run → Run All Above), then "
        "your answer and this check.\n"
    )
    with answer_check() as check:  # without answers(): as before
        check.value(0.5, sigmoid_of_the_chapter(0.5), "t")  # noqa: F821
    assert "`sigmoid_of_the_chapter` is not defined yet" in capsys.readouterr().out


def test_answers_passes_when_every_answer_is_defined(capsys):
    leaky_relu = abs  # noqa: F841 (read by answers() from this namespace)
    with answer_check() as check:
        check.answers("leaky_relu")
        check.that(True, "")
    assert capsys.readouterr().out == "✓ The check passes.\n"


def test_answers_alone_says_which_names_are_defined_and_judges_nothing(capsys):
    # The visible part of a graded check in the nbgrader course: the rest runs at grading.
    weights, bias, rate = 1, 2, 3  # noqa: F841 (read by answers() from this namespace)
    for names, said in [
        (("weights",), "`weights`"),
        (("weights", "bias"), "`weights` and `bias`"),
        (("weights", "bias", "rate"), "`weights`, `bias` and `rate`"),
    ]:
        with answer_check() as check:
            check.answers(*names)
        assert capsys.readouterr().out == f"✓ Your answer defines {said}.\n"


def counting(value):
    """A computation that counts its runs, and returns ``value``."""
    runs = []

    def compute():
        runs.append(1)
        return value

    return compute, runs


def test_a_reference_is_computed_once_for_the_same_inputs_and_again_when_one_changes():
    data = np.arange(6.0)
    compute, runs = counting("trained")
    assert reference("kept", compute, data, 0.5, [1, (2, "x")]) == "trained"
    assert reference("kept", compute, data.copy(), 0.5, [1, (2, "x")]) == "trained"
    assert len(runs) == 1
    data[3] = 99.0  # the same array, changed in place
    reference("kept", compute, data, 0.5, [1, (2, "x")])
    assert len(runs) == 2
    reference("kept", compute, data, 0.25, [1, (2, "x")])
    reference("kept", compute, data, 0.25, [1, (2, "y")])
    reference("kept", compute, data.reshape(2, 3), 0.25, [1, (2, "y")])  # same bytes
    reference("kept", compute, data.astype(np.float32), 0.25, [1, (2, "y")])
    reference("kept", compute, data, 0.25, [[1, 2], "y"])  # same items, nested otherwise
    assert len(runs) == 7
    reference("another check", compute, data, 0.25, [[1, 2], "y"])
    assert len(runs) == 8


def test_a_reference_input_that_cannot_be_told_apart_by_its_values_is_refused():
    compute, runs = counting(1)
    for value, kind in (
        ({"a": 1}, "a dict"),
        (np.array([object()]), "an array of shape (1,)"),
        (print, "a builtin_function_or_method"),
    ):
        with pytest.raises(TypeError) as refused:
            reference("refused", compute, np.zeros(2), value)
        assert str(refused.value) == (
            f"reference inputs: expected arrays, numbers, strings, lists or tuples, got {kind}"
        )
    assert runs == []


@pytest.mark.parametrize(
    ("value", "expected", "hint"),
    [
        (97.25, 0.9725, "`x` is a percentage: store the share, between 0 and 1"),
        ([97.25, 50.0], [0.9725, 0.5], "`x` holds percentages: store shares, between 0 and 1"),
        (0.972, 0.97225, "`x` is rounded, got 0.972: keep every digit, and round only what"),
        (2.1972, 2.1972246, "`x` is rounded, got 2.1972: keep every digit"),
        ([0.97, 0.5], [0.9725, 0.5], "`x` holds rounded values: keep every digit"),
        ([0.0, 97.25], [0.0, 0.9725], "`x` holds percentages"),  # a share can be 0
        ([100.0, 97.25], [1.0, 0.9725], "`x` holds percentages"),  # or 1
        (12.0, 12.4, "`x` is rounded, got 12.0: keep every digit"),
        (97.2, 0.97225, "`x` is a rounded percentage, got 97.2: store the share, between"),
        (97, 0.97225, "`x` is a rounded percentage, got 97: store the share"),
        ([97.0, 50.0], [0.9725, 0.5], "`x` holds rounded percentages: store shares"),
    ],
)
def test_a_percentage_or_a_rounded_value_is_named_as_such(capsys, value, expected, hint):
    out = verdict(capsys, lambda check: check.value(value, expected, "x", why="never shown"))
    assert out.startswith(f"✗ {hint}"), out


def test_a_percentage_is_told_within_the_tolerance_of_the_check_times_100(capsys):
    def percentage(off):
        return lambda check: check.value(97.25 + off, 0.9725, "x", rtol=0, atol=1e-8)

    assert "is a percentage" in verdict(capsys, percentage(5e-7))
    assert "is a percentage" not in verdict(capsys, percentage(1.005e-6))


@pytest.mark.parametrize(
    ("value", "expected", "got"),
    [
        (0.0, 0.3, "0.0"),  # zero: integer division, or a missing step, as often
        (0.0, -0.02, "0.0"),  # ReLU for leaky ReLU, not -0.02 rounded
        ([0.0, 1.0], [0.01, 1.0], "[0.0, 1.0]"),  # the same in an array
        (0.2, 0.19996, "0.2"),  # the bound, not the largest value drawn below it
        (1.0, 0.3, "1.0"),  # a share as a whole number: integer division as often
        (250.0, 2.5, "250.0"),  # no share: 100 times as large is not a percentage
        (150.0, 1.5, "150.0"),
        (5e-11, 0.0, "5e-11"),  # not 0 as a percentage
        (97.2501, 0.9725, "97.2501"),  # the tolerance of the check holds for percentages
        (0.1234568, 0.123456789, "0.1234568"),  # more than six decimals: a slip of its own
        (1.0, 0.0, "1.0"),  # no share, nothing to round
        (0.9, 0.97225, "0.9"),  # rounded, but wrongly
        (970.0, 0.97225, "970.0"),  # ten times a percentage
    ],
)
def test_a_wrong_value_that_is_no_percentage_nor_rounded_gets_the_usual_hint(
    capsys, value, expected, got
):
    out = verdict(capsys, lambda check: check.value(value, expected, "x", why="as asked"))
    assert out == f"✗ `x` is not right, got {got}: as asked\n"
