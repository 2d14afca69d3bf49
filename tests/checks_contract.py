"""The contract every exercise check keeps, shared by the tests/test_checks_*.py files."""


def assert_three_verdicts(check, right, wrong_answers) -> None:
    """The placeholders ``...`` and ``None`` → not attempted; ``right`` → correct; each typical
    wrong answer → a hint."""
    assert check(...).status == "not attempted"
    assert check(None).status == "not attempted"
    result = check(right)
    assert result.status == "correct", result.message
    for answer in wrong_answers:
        result = check(answer)
        assert result.status == "hint" and "Hint:" in result.message, (answer, result.message)
