"""Sample instructions (F5) for the demo centre: three of the four issued, the executive instruction
revised once (F15), the support-package instruction still to be written. The instruction for
accepting development programmes (F5-2) sets the provincial ceiling (F9-2): 30 billion rial."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy.orm import Session

from cluster_desktop.domain.jalali import today
from cluster_desktop.services import instructions
from cluster_desktop.services.actor import Actor

from .timeline import Clock, office_hours

PROVINCIAL_CEILING_RIAL = 30 * 10**9
# (code, days ago, title, body); the same code twice is a revision.
SAMPLES = [
    (
        "F5-1",
        400,
        "دستورالعمل اجرایی تصویب‌نامهٔ توسعهٔ خوشه‌های صادرات‌گرا",
        "ماده ۱ — هدف: ساماندهی شناسایی، ارزیابی و حمایت از خوشه‌های صادرات‌گرا در استان‌ها.\n"
        "ماده ۲ — دبیرخانهٔ کارگروه توسعهٔ صادرات در سازمان صنعت، معدن و تجارت هر استان مستقر است و "
        "فهرست خوشه‌های پیشنهادی را هر شش ماه به سازمان توسعهٔ تجارت ایران می‌فرستد.\n"
        "ماده ۳ — ارزیابی خوشه‌ها بر پایهٔ معیارهای ماده ۷ تصویب‌نامه و با امتیازدهی مستقل اعضای کارگروه "
        "انجام می‌شود.",
    ),
    (
        "F5-2",
        330,
        "دستورالعمل پذیرش طرح‌های توسعه‌ای خوشه‌ها",
        "ماده ۱ — طرح توسعه‌ای خوشه را شخصیت حقوقی مدیریت خوشه یا عامل توسعهٔ خوشه به دبیرخانهٔ استان "
        "ارائه می‌کند.\n"
        "ماده ۲ — طرح باید دست‌کم شامل وضع موجود، بازارهای هدف، اقدامات، منابع مورد نیاز و اهداف سالانهٔ "
        "صادرات و اشتغال باشد.\n"
        "ماده ۳ — کارگروه استان طرح‌هایی را که اعتبار درخواستی آن‌ها از سی میلیارد ریال بیشتر نیست در "
        "حیطهٔ اختیارات خود تأیید می‌کند؛ طرح‌های بزرگ‌تر و طرح‌هایی که منابع ملی می‌خواهند با صورتجلسهٔ "
        "کارگروه و ذکر دلیل به کارگروه مرکز ارجاع می‌شود.",
    ),
    (
        "F5-3",
        250,
        "دستورالعمل کنترل و ارزیابی فرایندها",
        "ماده ۱ — دبیرخانه‌ها شاخص‌های هر برنامه را فصلی ثبت و با هدف آن مقایسه می‌کنند.\n"
        "ماده ۲ — انحراف بیش از بیست درصد از هدف در جلسهٔ بعدی کارگروه بررسی و اقدام اصلاحی تعیین می‌شود.",
    ),
    (
        "F5-1",
        90,
        "دستورالعمل اجرایی تصویب‌نامهٔ توسعهٔ خوشه‌های صادرات‌گرا (بازنگری‌شده)",
        "ماده ۱ — هدف: ساماندهی شناسایی، ارزیابی و حمایت از خوشه‌های صادرات‌گرا در استان‌ها.\n"
        "ماده ۲ — دبیرخانهٔ کارگروه توسعهٔ صادرات در سازمان صنعت، معدن و تجارت هر استان مستقر است و "
        "فهرست خوشه‌های پیشنهادی را هر سه ماه در قالب بستهٔ امضاشده به سازمان توسعهٔ تجارت ایران می‌فرستد.\n"
        "ماده ۳ — ارزیابی خوشه‌ها بر پایهٔ معیارهای ماده ۷ تصویب‌نامه و با امتیازدهی مستقل اعضای کارگروه "
        "انجام می‌شود؛ اختلاف سه امتیاز یا بیشتر در یک معیار در جلسه بحث می‌شود.\n"
        "ماده ۴ — این بازنگری بر پایهٔ نتایج ارزیابی سال نخست اجرای برنامه (فرایند F15) تهیه شده است.",
    ),
]


def add_instructions(s: Session, secretary: Actor, clock: Clock, rng: random.Random) -> int:
    """Issue the sample instructions in date order as the centre's secretary; returns how many."""
    for code, ago, title, body in SAMPLES:
        issued = today() - timedelta(days=ago)
        clock.now = office_hours(issued, rng)
        ceiling = PROVINCIAL_CEILING_RIAL if code == instructions.AUTHORITY_CODE else None
        instructions.issue(
            s,
            secretary,
            instructions.InstructionInput(
                code=code, title=title, issued_on=issued, body=body, provincial_ceiling_rial=ceiling
            ),
        )
    return len(SAMPLES)
