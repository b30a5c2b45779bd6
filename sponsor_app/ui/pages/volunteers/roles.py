"""What the roles dialog may do on the Volunteers page, each step undoable."""

from __future__ import annotations

from ....services.roster import roles as roles_service


class RoleActions:
    def __init__(self, page):
        self.page = page  # its tr, its context and its one Edits helper

    def list(self):
        return roles_service.list_roles(self.page.context.store)

    def add(self, name: str) -> None:
        self.page.edits.now(
            self.page.tr("Add role {}").format(name.strip()),
            lambda store: roles_service.add_role(store, name).id,
        )

    def rename(self, role_id: int, name: str) -> None:
        self.page.edits.now(
            self.page.tr("Rename role to {}").format(name.strip()),
            lambda store: roles_service.rename_role(store, role_id, name),
        )

    def retire(self, role_id: int, retired: bool) -> None:
        self.page.edits.now(
            self.page.tr("Retire role") if retired else self.page.tr("Bring back role"),
            lambda store: roles_service.retire_role(store, role_id, retired),
            removal=self.page.tr("Role retired.") if retired else None,
        )

    def delete(self, role_id: int) -> None:
        self.page.edits.now(
            self.page.tr("Delete role"),
            lambda store: roles_service.delete_role(store, role_id),
            removal=self.page.tr("Role deleted."),
        )
