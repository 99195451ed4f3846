"""Sample training and awareness events (F4) for the demo office, spread over the past year."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy.orm import Session

from cluster_desktop.domain.jalali import today
from cluster_desktop.services import events
from cluster_desktop.services.actor import Actor

from .timeline import Clock, office_hours

# (title, kind, agency, participants range)
SAMPLES = [
    ("دورهٔ آموزشی بازاریابی صادراتی برای اعضای خوشه‌ها", "training", "CHAMBER_COMMERCE", (25, 60)),
    ("همایش معرفی برنامهٔ توسعهٔ خوشه‌های صادرات‌گرا", "awareness", "TPO", (80, 250)),
    ("کارگاه بسته‌بندی و برندسازی مشترک", "training", "ISIPO", (15, 40)),
    ("نشست آشنایی با تسهیلات صندوق ضمانت صادرات", "awareness", "EGFI", (30, 90)),
    ("دورهٔ آموزشی استانداردها و گواهی‌های بین‌المللی کیفیت", "training", "BDS", (20, 45)),
    ("برنامهٔ رادیویی معرفی خوشه‌های استان", "awareness", "IRIB_PRESS", (0, 0)),
    ("دورهٔ آموزشی عامل توسعهٔ خوشه (CDA)", "training", "NDA_CDA", (12, 30)),
]


def add_events(s: Session, secretary: Actor, clock: Clock, rng: random.Random, *, central: bool) -> int:
    """Seven events held in the past year, oldest first, each recorded the day after it was held."""
    days = sorted(rng.sample(range(10, 360), len(SAMPLES)), reverse=True)
    provinces = ["IR-10", "IR-07", "IR-23", "IR-12", None] if central else [secretary.province_code]
    for (title, kind, agency, (low, high)), ago in zip(SAMPLES, days, strict=True):
        held = today() - timedelta(days=ago)
        clock.now = office_hours(held + timedelta(days=1), rng)
        events.add_event(
            s,
            secretary,
            events.EventInput(
                title=title,
                kind=kind,
                held_on=held,
                province_code=rng.choice(provinces),
                organization_code=agency,
                participants=rng.randint(low, high),
                description="با حضور نمایندگان بنگاه‌های عضو خوشه و دستگاه‌های اجرایی استان.",
            ),
        )
        s.flush()
    return len(SAMPLES)
