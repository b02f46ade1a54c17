"""The three wrong entries issue 16 found on the sample site (content/raw), none left: the
hostages taken "on October 7" filed under 2024, the January 20 deadline written on
7 December 2024 shown as having happened, and 29 February 2024, a Thursday counted back
from a publication date the page never gave."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model.key_dates import timeline
from generator.pipeline import build_model
from tests.conftest import ROOT, project_options


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory):
    cache: Path = tmp_path_factory.mktemp("sample-cache")
    return build_model(project_options(ROOT, cache_dir=cache)).digest


def test_the_sample_has_none_of_the_three_wrong_dates(sample) -> None:
    happened = [*sample.events, *sample.background]
    shown = {e.value for e in happened} | {d.date for d in sample.key_dates}
    ranked = {d.date for d in timeline(sample).dates}
    for wrong in ("2024-10-07", "2024-02-29"):
        assert wrong not in shown | ranked | {e.value for e in sample.expected}, wrong
    assert "2025-01-20" not in shown | ranked
    # The deadline is still there, as what it is: expected.
    assert "2025-01-20" in {e.value for e in sample.expected}
    assert all(month <= "2024-12" for month in sample.months)


def test_the_sample_chronology_stays_within_the_story(sample) -> None:
    span = sample.span
    assert span is not None
    assert {e.year for e in sample.events} <= {str(y) for y in range(int(span.start[:4]), int(span.end[:4]) + 1)}
    assert all(d.date <= span.end for d in sample.key_dates)
