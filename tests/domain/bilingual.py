"""Shared check for the domain tests: a refusal carries one bilingual, field-named error."""

from __future__ import annotations

import re

import pytest

from workbench.domain.errors import FieldError, ValidationError

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{3}")


def refusal(func, *args, **kwargs) -> FieldError:
    """Call ``func`` expecting one ValidationError; check the bilingual message and return it."""
    with pytest.raises(ValidationError) as info:
        func(*args, **kwargs)
    assert len(info.value.errors) == 1
    error = info.value.errors[0]
    assert CJK.search(error.zh), error
    assert not CJK.search(re.sub(r"'[^']*'", "", error.en)), error
    assert LATIN.search(error.en), error
    assert error.field in str(info.value)
    return error
