"""Who issues the handbook, the edition's status and a contact, from the plugin's options.

    plugins:
      - handbook:
          publisher:
            name: {id: Tim Penyusun ..., en: The ... drafting team}   # or one name for every language
            contact: !ENV [FEEDBACK_EMAIL, ""]    # an e-mail address or an https:// address; empty: none
          status: draft                           # draft (for review) or approved
          approval: ""                            # approved only: the approving document

Every page's footer (handbook/theme/partials/copyright.html), the banner of every page while the status
is draft (handbook/theme/main.html) and every PDF cover (downloads/) print the same lines, in the
page's language, from ``lines``. Nothing here invents an approval: ``approved`` without the
approving document is an error, and so is an unknown status or a contact that is neither an
e-mail nor a web address.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

STATUSES = ("draft", "approved")
EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")
WEB = re.compile(r"^https?://[^\s<>\"]+$")


class PublisherError(ValueError):
    """mkdocs.yml's publisher settings are unusable; the message names the key and the fix."""


@dataclass(frozen=True)
class Publisher:
    names: dict  # language -> name ("" when a language has none of its own: the default's is used)
    status: str
    approval: str
    contact: str

    @property
    def draft(self) -> bool:
        return self.status == "draft"

    @property
    def contact_href(self) -> str:
        return f"mailto:{self.contact}" if EMAIL.match(self.contact) else self.contact

    @property
    def contact_email(self) -> str:
        return self.contact if EMAIL.match(self.contact) else ""

    def name(self, lang: str) -> str:
        return self.names.get(lang) or next(iter(self.names.values()))


KEY = "plugins > handbook > "  # how the messages name an option in mkdocs.yml


def load(options: Mapping, where: str = "mkdocs.yml") -> Publisher:
    """The plugin's options (as MkDocs loaded them), checked."""
    publisher = options.get("publisher")
    if not isinstance(publisher, Mapping):
        raise PublisherError(f"{where}: {KEY}publisher is missing; add who is responsible for the text, e.g. publisher: {{name: Tim Penyusun ..., contact: \"\"}}")
    raw_name = publisher.get("name")
    names = {str(k): str(v).strip() for k, v in raw_name.items()} if isinstance(raw_name, Mapping) else {"": str(raw_name or "").strip()}
    if not any(names.values()):
        raise PublisherError(f"{where}: {KEY}publisher.name is empty; name who is responsible for the text (a drafting team until the handbook is approved)")
    contact = str(publisher.get("contact") or "").strip()
    if contact and not (EMAIL.match(contact) or WEB.match(contact)):
        raise PublisherError(f"{where}: {KEY}publisher.contact {contact!r} is neither an e-mail address nor an http(s) address; give a real contact or leave it empty")
    status = str(options.get("status") or "").strip()
    if status not in STATUSES:
        raise PublisherError(f"{where}: {KEY}status is {status or 'missing'!r}; write draft (for review) or approved")
    approval = str(options.get("approval") or "").strip()
    if status == "approved" and not approval:
        raise PublisherError(f"{where}: {KEY}status is approved but approval is empty; name the approving document (its number and date), or keep status: draft")
    if status == "draft" and approval:
        raise PublisherError(f"{where}: {KEY}approval is set while status is draft; set status: approved, or remove approval")
    return Publisher({k: v for k, v in names.items() if v}, status, approval, contact)


def lines(publisher: Publisher, lang: str, labels: dict) -> dict:
    """The texts in ``lang`` (``labels``: the interface table's ``publisher`` section)."""
    status = labels["draft"] if publisher.draft else labels["approved"].format(approval=publisher.approval)
    return {
        "by": labels["by"].format(name=publisher.name(lang)),
        "status": status,
        "draft": publisher.draft,
        "contact": labels["contact"].format(contact=publisher.contact) if publisher.contact else "",
        "contact_text": publisher.contact,
        "contact_href": publisher.contact_href if publisher.contact else "",
        "email": publisher.contact_email,
    }
