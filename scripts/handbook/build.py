"""Facts about the build in progress, shared by the hooks and the download builder.

- which language the i18n plugin is building now;
- whether this is the offline copy (Material's offline plugin on);
- a page's published address from its built path (``karakter/integritas.html`` in the offline
  copy is ``karakter/integritas/`` online).
"""

from __future__ import annotations

from handbook.vocabulary import DEFAULT_LANGUAGE


def current_language(config) -> str:
    i18n = config.plugins.get("i18n")
    return i18n.current_language if i18n else DEFAULT_LANGUAGE


def offline_copy_enabled(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)
