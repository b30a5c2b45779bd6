"""The group's roles: add, rename, retire (or bring back), and delete one no one holds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from ...services.roster.roles import RoleRow
from ..widgets.form import FieldError
from .list_dialog import ListDialog


class RolesDialog(ListDialog):
    """`actions` has list(), add(name), rename(id, name), retire(id, retired), delete(id); each
    write goes through the window's undo stack."""

    def __init__(self, actions, parent: QWidget | None = None):
        super().__init__(
            actions,
            self.tr("Roles"),
            (460, 440),
            self.tr(
                "The roles volunteers can hold. A retired role is offered to no one new; the "
                "volunteers who hold it keep it."
            ),
            parent,
        )
        layout = self.box
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Roles"))
        layout.addWidget(self.list, 1)
        grid = QGridLayout()
        caption = QLabel(self.tr("&Name:"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Role name"))
        caption.setBuddy(self.name)
        grid.addWidget(caption, 0, 0)
        grid.addWidget(self.name, 0, 1, 1, 3)
        self.error = FieldError()
        grid.addWidget(self.error, 1, 1, 1, 3)
        self.add_button = QPushButton(self.tr("&Add"))
        self.rename_button = QPushButton(self.tr("Re&name"))
        self.retire_button = QPushButton(self.tr("Re&tire"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        for column, button in enumerate(
            (self.add_button, self.rename_button, self.retire_button, self.delete_button)
        ):
            grid.addWidget(button, 2, column)
        layout.addLayout(grid)
        self.add_close()
        self.add_button.clicked.connect(
            lambda: self._guard(lambda: self.actions.add(self.name.text()))
        )
        self.rename_button.clicked.connect(self._rename)
        self.retire_button.clicked.connect(self._retire)
        self.delete_button.clicked.connect(self._delete)
        self.list.currentItemChanged.connect(self._on_selected)
        self._fill()
        # Start in the empty name box: focus on the list would choose its first role and put
        # that name in the box, so a person typing a new role would add "Group leadKai…".
        self.name.setFocus()

    def _fill(self, keep: str | None = None) -> None:
        self.list.clear()
        for role in self.actions.list():
            text = role.name
            if role.holders:
                text += self.tr(" · %n volunteer(s)", "", role.holders)
            if role.retired:
                text += self.tr(" (retired)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, role)
            self.list.addItem(item)
            if role.key == keep:
                self.list.setCurrentItem(item)
        self._on_selected()

    def current(self) -> RoleRow | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _on_selected(self, *_args) -> None:
        role = self.current()
        for button in (self.rename_button, self.retire_button, self.delete_button):
            button.setEnabled(role is not None)
        if role is not None:
            self.name.setText(role.name)
            self.retire_button.setText(
                self.tr("Bring &back") if role.retired else self.tr("Re&tire")
            )
            self.delete_button.setEnabled(role.holders == 0)
            self.delete_button.setToolTip(
                self.tr("Held by volunteers: retire it instead") if role.holders else ""
            )

    def _guard(self, action) -> None:
        role = self.current()
        if self.write(action):
            self._fill(keep=role.key if role else None)

    def _rename(self) -> None:
        role = self.current()
        if role is not None:
            self._guard(lambda: self.actions.rename(role.id, self.name.text()))

    def _retire(self) -> None:
        role = self.current()
        if role is not None:
            self._guard(lambda: self.actions.retire(role.id, not role.retired))

    def _delete(self) -> None:
        role = self.current()
        if role is not None:
            self._guard(lambda: self.actions.delete(role.id))
