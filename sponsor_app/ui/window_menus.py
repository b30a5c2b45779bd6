"""The main window's menus: File, Edit, View and Help, and keeping their actions in step with
the file (open or not, protected or not) and the undo stack. MainWindow takes these methods in
(main_window.py); the actions stay attributes of the window, where tests and pages find them."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from .pages.registry import PAGES


class WindowMenus:
    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        menus = self.menuBar()
        self._file_menu(menus.addMenu(self.tr("&File")))
        self._edit_menu(menus.addMenu(self.tr("&Edit")))
        self._view_menu(menus.addMenu(self.tr("&View")))
        self._help_menu(menus.addMenu(self.tr("&Help")))

    def _file_menu(self, file_menu) -> None:
        self._action(
            file_menu, self.tr("&New Group…"), self.new_group, QKeySequence.StandardKey.New
        )
        self._action(file_menu, self.tr("&Open…"), self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        self._import_export_menus(file_menu)
        file_menu.addSeparator()
        self.save_copy_action = self._action(
            file_menu, self.tr("Save a &Copy…"), self.save_a_copy, QKeySequence("Ctrl+Shift+S")
        )
        self.back_up_action = self._action(
            file_menu,
            self.tr("Back &Up To…"),
            self.backups.back_up_to,
            QKeySequence("Ctrl+Shift+B"),
        )
        self.restore_action = self._action(file_menu, self.tr("&Restore…"), self.backups.restore)
        file_menu.addSeparator()
        self._protection_items(file_menu)
        file_menu.addSeparator()
        self.sharing_action = self._action(
            file_menu, self.tr("S&haring…"), self.sharing.show_dialog
        )
        self.sync_now_action = self._action(
            file_menu, self.tr("S&ync Now"), self.sharing.sync_now, QKeySequence("Ctrl+Shift+Y")
        )
        file_menu.addSeparator()
        self.close_action = self._action(
            file_menu, self.tr("&Close"), self.close_file, QKeySequence.StandardKey.Close
        )
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

    def _import_export_menus(self, file_menu) -> None:
        import_menu = file_menu.addMenu(self.tr("&Import"))
        export_menu = file_menu.addMenu(self.tr("&Export"))
        self.import_volunteers_action = self._action(
            import_menu, self.tr("&Volunteers…"), lambda: self.volunteers.import_file()
        )
        self.export_volunteers_action = self._action(
            export_menu, self.tr("&Volunteers…"), lambda: self.volunteers.export_file()
        )
        self.import_transactions_action = self._action(
            import_menu, self.tr("&Transactions…"), lambda: self.funds.import_file()
        )
        self.export_transactions_action = self._action(
            export_menu, self.tr("&Transactions…"), lambda: self.funds.export_file()
        )
        self.import_bank_action = self._action(
            import_menu, self.tr("&Bank statement…"), lambda: self.funds.import_bank_file()
        )
        self.file_actions = [
            self.import_volunteers_action,
            self.export_volunteers_action,
            self.import_transactions_action,
            self.export_transactions_action,
            self.import_bank_action,
        ]

    def _protection_items(self, file_menu) -> None:
        self.protect_action = self._action(
            file_menu, self.tr("&Protect with a Passphrase…"), self.protection.protect
        )
        self.change_passphrase_action = self._action(
            file_menu, self.tr("Change Pass&phrase…"), self.protection.change
        )
        self.remove_protection_action = self._action(
            file_menu, self.tr("Remove Pro&tection…"), self.protection.remove
        )
        self.protection_actions = [
            self.protect_action,
            self.change_passphrase_action,
            self.remove_protection_action,
        ]
        file_menu.aboutToShow.connect(self._update_protection_actions)

    def _edit_menu(self, edit_menu) -> None:
        stack = self.context.undo_stack
        self.undo_action = self._action(
            edit_menu, self.tr("&Undo"), stack.undo, QKeySequence.StandardKey.Undo
        )
        self.redo_action = self._action(edit_menu, self.tr("&Redo"), stack.redo)
        # Every binding the platform has for Redo (Ctrl+Shift+Z and Ctrl+Y here). A list that
        # holds the StandardKey itself keeps only its first binding.
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        self.redo_action.setShortcuts(
            redo_keys + [k for k in (QKeySequence("Ctrl+Y"),) if k not in redo_keys]
        )
        edit_menu.addSeparator()
        self.history_action = self._action(
            edit_menu, self.tr("&History…"), self.show_history, QKeySequence("Ctrl+H")
        )
        self.history_action.setToolTip(
            self.tr("Every change to the file, who made it and when; revert one")
        )
        self.file_actions.append(self.history_action)
        for signal in (
            stack.canUndoChanged,
            stack.canRedoChanged,
            stack.undoTextChanged,
            stack.redoTextChanged,
            self.context.busy_changed,
        ):
            signal.connect(self._update_undo_actions)
        self._update_undo_actions()

    def _view_menu(self, view_menu) -> None:
        self.page_actions = []
        for number, entry in enumerate(PAGES, start=1):
            action = self._action(
                view_menu,
                entry.label,
                lambda _=False, n=number - 1: self.show_page(n),
                QKeySequence(f"Ctrl+{number}"),
            )
            self.page_actions.append(action)
        view_menu.addSeparator()
        self._action(
            view_menu, self.tr("Re&fresh"), self._refresh_current, QKeySequence.StandardKey.Refresh
        )

    def _help_menu(self, help_menu) -> None:
        self.guide_action = self._action(
            help_menu, self.tr("&Guide"), self.show_guide, QKeySequence.StandardKey.HelpContents
        )
        self.shortcuts_action = self._action(
            help_menu,
            self.tr("&Keyboard Shortcuts"),
            self.show_shortcuts,
            QKeySequence("Ctrl+/"),
        )
        help_menu.addSeparator()
        self.about_action = self._action(help_menu, self.tr("&About Sponsor Desk"), self.about)

    def _update_protection_actions(self) -> None:
        """Protect a plain file; change or remove the passphrase of a protected one."""
        is_open = self.context.is_open and not self.context.lost
        protected = is_open and self.protection.is_protected()
        self.protect_action.setEnabled(is_open and not protected)
        self.change_passphrase_action.setEnabled(protected)
        self.remove_protection_action.setEnabled(protected)

    def _update_undo_actions(self, *_) -> None:
        """Undo and redo name their step, and are off while a write runs in the background."""
        stack, busy = self.context.undo_stack, self.context.busy
        for action, can, text, verb in (
            (self.undo_action, stack.canUndo(), stack.undoText(), self.tr("&Undo")),
            (self.redo_action, stack.canRedo(), stack.redoText(), self.tr("&Redo")),
        ):
            action.setEnabled(can and not busy)
            action.setText(f"{verb} {text}".strip() if can else verb)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for path in recent:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_file(p))
        if not recent:
            self.recent_menu.addAction(self.tr("(no recent files)")).setEnabled(False)
