"""The idle lock: after the office's idle minutes (services/session_lock) without mouse or keyboard input,
the main window hides its content behind a lock screen that names who is logged in and asks for that
user's password again. The password is checked by services/users.authenticate, so wrong ones count toward
the login lockout; "Log out / switch user" leads back to the login.

While locked, the program's other windows (dialogs, message boxes) are hidden, every action and
shortcut is off, typed passwords are cleared and unlocked office keys that views keep for the session are
dropped (views that keep any offer ``forget_keys()``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenuBar,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.roles import ROLE_TITLES
from cluster_desktop.services.actor import Actor

from . import prompts
from .context import AppContext
from .operation import Operation
from .widgets import FieldErrors, set_wrapped_text

# What counts as someone at the keyboard (a window merely repainting or a timer does not).
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle`` after ``interval_ms`` without input anywhere in the program (0 = never)."""

    idle = Signal()

    def __init__(self, parent: QObject, interval_ms: int) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.interval_ms = 0
        self.paused = False
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.set_interval(interval_ms)

    def set_interval(self, interval_ms: int) -> None:
        self.interval_ms = max(0, interval_ms)
        self.restart()

    def restart(self) -> None:
        if self.interval_ms and not self.paused:
            self.timer.start(self.interval_ms)
        else:
            self.timer.stop()

    def pause(self, paused: bool) -> None:
        self.paused = paused
        self.restart()

    def stop(self) -> None:
        self.pause(True)
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self.timer.isActive():
            self.timer.start(self.interval_ms)
        return False


class LockScreen(QWidget):
    """Who is logged in, their password, Unlock and Log out / switch user."""

    unlocked = Signal(object)  # the Actor authenticate returned
    log_out = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("lock_screen")
        self.operation: Operation | None = None
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        outer.addLayout(row)
        outer.addStretch(2)
        card = QFrame(self)
        card.setObjectName("lock_card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMinimumWidth(460)
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        box = QVBoxLayout(card)
        box.setContentsMargins(24, 20, 24, 20)
        title = QLabel(self.tr("Cluster Desktop is locked"), card)
        title.setObjectName("lock_title")
        title.setStyleSheet("font-size: 15pt; font-weight: bold; color: #123a6b;")
        box.addWidget(title)
        a = ctx.actor
        self.who = QLabel(card)
        self.who.setObjectName("lock_who")
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.who.setWordWrap(True)
        role = ROLE_TITLES[a.role][0 if ctx.lang == "fa" else 1]
        self.who.setText(
            self.tr("Logged in: %1 (%2), %3")
            .replace("%1", a.full_name)
            .replace("%2", a.username)
            .replace("%3", role)
        )
        bold = QFont(self.who.font())
        bold.setBold(True)
        self.who.setFont(bold)
        box.addWidget(self.who)
        why = QLabel(card)
        set_wrapped_text(
            why, self.tr("The program was locked after a while without use. Enter your password to go on.")
        )
        box.addWidget(why)
        label = QLabel(self.tr("Password:"), card)
        self.password = QLineEdit(card)
        self.password.setObjectName("password_edit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.password.returnPressed.connect(self.unlock)
        label.setBuddy(self.password)
        box.addWidget(label)
        box.addWidget(self.password)
        error = QLabel(card)
        error.setObjectName("password_error")
        error.setTextFormat(Qt.TextFormat.PlainText)
        box.addWidget(error)
        self.errors = FieldErrors(card, error)
        buttons = QHBoxLayout()
        self.unlock_button = QPushButton(self.tr("Unlock"), card)
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.log_out_button = QPushButton(self.tr("Log out / switch user"), card)
        self.log_out_button.setObjectName("log_out_button")
        self.log_out_button.clicked.connect(self.log_out)
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.log_out_button)
        buttons.addStretch(1)
        box.addLayout(buttons)

    def unlock(self) -> bool:
        """Check the password off the GUI thread (scrypt); a refusal is shown under the field."""
        if self.operation is not None:
            return False
        password = self.password.text()
        if not password:
            self.errors.show(DomainError("گذرواژه را وارد کنید.", "Enter your password."))
            return False
        ws, username = self.ctx.ws, self.ctx.actor.username

        def work(_progress: object) -> Actor:
            from cluster_desktop.services.users import authenticate

            with ws.db.session() as s:
                return authenticate(s, username, password)

        def done(actor: Actor) -> None:
            self.operation = None
            self.errors.clear()
            self.password.clear()
            self.unlocked.emit(actor)

        def refused(exc: BaseException) -> None:
            self.operation = None
            self.password.clear()
            self.password.setFocus()
            if isinstance(exc, DomainError):
                self.errors.show(exc)
            else:
                prompts.error(self, exc)

        self.unlock_button.setEnabled(False)
        op = Operation(self, self.tr("Checking the password…"), work).on_success(done).on_failure(refused)
        op.dialog.setCancelButton(None)
        op.finished.connect(lambda: self.unlock_button.setEnabled(True))
        self.operation = op
        op.start()
        return True


class SessionLock(QObject):
    """Locks and unlocks a main window whose central widget is a QStackedWidget (content on page 0)."""

    log_out = Signal(bool)  # asked from the lock screen (True) or elsewhere

    def __init__(self, window: QMainWindow, stack: QStackedWidget, ctx: AppContext, minutes: int) -> None:
        super().__init__(window)
        self.window, self.stack, self.ctx = window, stack, ctx
        self.screen: LockScreen | None = None
        self._hidden: list[QWidget] = []
        self._disabled: list[QAction] = []
        self.watcher = IdleWatcher(self, minutes * 60_000)
        self.watcher.idle.connect(self.lock)
        ctx.changed.connect(self._changed)

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def _changed(self, what: str) -> None:
        if what.startswith("idle-lock:") and what[10:].isdigit():
            self.watcher.set_interval(int(what[10:]) * 60_000)

    def lock(self) -> None:
        if self.locked:
            return
        self.watcher.pause(True)
        for widget in self.window.findChildren(QWidget):
            forget = getattr(widget, "forget_keys", None)
            if callable(forget):
                forget()
        app = QApplication.instance()
        others = [
            w
            for w in (app.topLevelWidgets() if isinstance(app, QApplication) else [])
            if w is not self.window
            and w.isVisible()
            and w.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Tool)
        ]
        for w in [self.window, *others]:
            for edit in w.findChildren(QLineEdit):
                if edit.echoMode() is not QLineEdit.EchoMode.Normal:
                    edit.clear()
        for w in others:
            w.hide()
        self._hidden = others
        bars = [
            *self.window.findChildren(QToolBar),
            *self.window.findChildren(QDockWidget),
            *self.window.findChildren(QMenuBar),
        ]
        self._hidden += [b for b in bars if b.isVisible()]
        for b in bars:
            b.hide()
        self._disabled = [a for a in self.window.findChildren(QAction) if a.isEnabled()]
        for a in self._disabled:
            a.setEnabled(False)
        self.screen = LockScreen(self.ctx, self.stack)
        self.screen.unlocked.connect(self._unlocked)
        self.screen.log_out.connect(lambda: self.log_out.emit(True))
        self.stack.addWidget(self.screen)
        self.stack.setCurrentWidget(self.screen)
        self.screen.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def _unlocked(self, actor: Actor) -> None:
        if (actor.role, actor.member_id, actor.office_id) != (
            self.ctx.actor.role,
            self.ctx.actor.member_id,
            self.ctx.actor.office_id,
        ):
            # The administrator changed this account meanwhile: the window was built for the old role.
            prompts.info(
                self.window,
                self.window.windowTitle(),
                self.tr("Your account was changed meanwhile. Log in again, please."),
            )
            self.log_out.emit(False)
            return
        self.ctx.actor = actor
        self.unlock()

    def unlock(self) -> None:
        """Show the content again (after the password was checked)."""
        if self.screen is None:
            return
        self.stack.setCurrentIndex(0)
        self.stack.removeWidget(self.screen)
        self.screen.deleteLater()
        self.screen = None
        for a in self._disabled:
            a.setEnabled(True)
        for w in self._hidden:
            w.show()
        self._hidden, self._disabled = [], []
        self.watcher.pause(False)

    def stop(self) -> None:
        self.watcher.stop()
