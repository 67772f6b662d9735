"""统一社会信用代码 checksum (GB 32100-2015)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.core.register import uscc


@pytest.mark.parametrize("code", ["91110000101623741K", "911101066976941872", " 91110000101623741k "])
def test_known_good_codes(code):
    assert uscc.validate(code).code == code.strip().upper()


def test_known_bad_code_names_the_right_check_character():
    with pytest.raises(uscc.CodeError, match="第 18 位应为“7”，实际为“D”"):
        uscc.validate("91310115MA1H8R7C6D")


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("9111000010162374", "应为 18 位，实际为 16 位"),
        ("91110000I0162374IK", "第 9 位“I”不是允许的字符"),
        ("9111000O101623741K", "第 8 位“O”"),
        ("91AB0000101623741K", "行政区划码"),
    ],
)
def test_malformed_codes(code, text):
    with pytest.raises(uscc.CodeError, match=text):
        uscc.validate(code)


def test_unknown_prefix_is_a_warning_not_an_error():
    code = "X7110000101623741" + uscc.check_character("X7110000101623741")
    assert "不在已知范围" in uscc.validate(code).warning


body = st.text(alphabet=uscc.ALPHABET, min_size=17, max_size=17).filter(lambda s: s[2:8].isdigit())


@given(body)
def test_any_body_with_its_check_character_validates(first17):
    assert uscc.validate(first17 + uscc.check_character(first17)).code.startswith(first17)


@given(body, st.integers(0, 16), st.sampled_from(uscc.ALPHABET))
def test_a_single_changed_character_is_caught(first17, position, replacement):
    code = first17 + uscc.check_character(first17)
    changed = code[:position] + replacement + code[position + 1 :]
    if changed != code and changed[2:8].isdigit():
        with pytest.raises(uscc.CodeError):
            uscc.validate(changed)


def test_full_width_input_from_an_ime_is_accepted():
    assert uscc.validate("９１１１００００１０１６２３７４１Ｋ").code == "91110000101623741K"
