"""``cluster-desktop screenshot VIEW OUT.png``: render a main view offscreen from the data directory.

Each VIEW maps to ``module:function`` in its own GUI module; the function takes the AppContext and
returns the widget to grab (picking a fitting record where the view shows one).
"""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.roles import Role
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.users import actor_for
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.models import User

TARGETS: dict[str, str] = {
    "main": "screenshots:main_window",
    "dashboard": "dashboard:screenshot",
    "dashboard-charts": "dashboard_charts:screenshot",
    "clusters": "cluster_list:screenshot",
    "cluster": "cluster_form:screenshot",
    "plan": "plan_editor:screenshot",
    "evaluation": "evaluation_sheet:screenshot",
    "scores": "scores_view:screenshot",
    "working-group": "working_group:screenshot",
    "history": "history_view:screenshot",
    "process-steps": "screenshots:process_steps",
    "criteria": "criteria_view:screenshot",
    "events": "events_view:screenshot",
    "instructions": "instructions_view:screenshot",
    "central-dashboard": "central_dashboard:screenshot",
    "national-list": "national_list:screenshot",
    "sensitivity": "sensitivity_view:screenshot",
    "sensitivity-what-if": "sensitivity_view:screenshot_what_if",
    "national-map": "province_map:screenshot",
    "review": "review:screenshot",
    "databank": "databank:screenshot",
    "licenses": "licenses_view:screenshot",
    "programmes": "programmes:screenshot",
    "monitoring": "programmes:screenshot_monitoring",
    "sync": "sync_view:screenshot",
    "audit": "audit_view:screenshot",
    "office-details": "office_details_dialog:screenshot",
    "liaisons": "liaisons_dialog:screenshot",
    "wizard": "setup_wizard:screenshot",
    "login": "login:screenshot",
}


def pick_actor(
    ws: Workspace, roles: tuple[Role, ...] = (Role.SECRETARY, Role.ADMIN), *, member: bool = False
) -> Actor:
    """A local user to render as (no password: screenshots only read)."""
    with ws.db.session() as s:
        for role in roles:
            q = select(User).where(User.role == role.value, User.active.is_(True))
            if member:
                q = q.where(User.member_id.is_not(None))
            user = s.scalar(q.order_by(User.id))
            if user is not None:
                return actor_for(s, user)
    raise DomainError("کاربر مناسبی برای این نما در این دفتر نیست.", "No suitable user for this view here.")


def _refuse_other_office(view: str, central: bool) -> None:
    """A view the navigation does not offer in this kind of office is not rendered there either."""
    from .views import VIEWS

    spec = next((v for v in VIEWS if v.key == view), None)
    kind = "central" if central else "province"
    if spec is not None and kind not in spec.offices:
        raise DomainError(
            f"نمای «{view}» در دفتر {'مرکزی' if central else 'استانی'} نیست.",
            f"The view '{view}' is not part of a {'central' if central else 'provincial'} office.",
        )


def render(
    ws: Workspace, view: str, out: Path, lang: str = "fa", size: tuple[int, int] = (1280, 800)
) -> Path:
    from .application import setup_application
    from .context import AppContext

    if view not in TARGETS:
        raise DomainError(
            f"نمای «{view}» شناخته نیست؛ یکی از: {', '.join(TARGETS)}",
            f"Unknown view '{view}'; one of: {', '.join(TARGETS)}",
        )
    module, _, fn = TARGETS[view].partition(":")
    try:
        func = getattr(importlib.import_module(f"cluster_desktop.gui.{module}"), fn)
    except (ModuleNotFoundError, AttributeError) as exc:
        raise DomainError(
            f"نمای «{view}» هنوز ساخته نشده است.", f"The view '{view}' is not built yet."
        ) from exc
    app = setup_application(lang)
    ctx = AppContext(ws, pick_actor(ws), lang)
    _refuse_other_office(view, ctx.is_central)
    widget: QWidget = func(ctx)
    if view not in ("main", "wizard", "login", "office-details", "liaisons"):  # windows, not tabs
        from .mainwindow import VIEW_MARGINS

        widget.setContentsMargins(*VIEW_MARGINS)  # as the view sits in its tab
    widget.resize(*size)
    widget.show()
    for _ in range(5):
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(out)):
        raise DomainError(f"ذخیرهٔ تصویر در {out} ممکن نشد.", f"Could not save the image to {out}.")
    widget.close()
    return out


def main_window(ctx):  # type: ignore[no-untyped-def]
    from .mainwindow import MainWindow

    return MainWindow(ctx)


def process_steps(ctx):  # type: ignore[no-untyped-def]
    from .process_steps import ProcessStepsView

    view = ProcessStepsView(ctx)
    view.focus_step("P1-3")
    return view
