"""Every page knows its published online address, in the offline copy too.

The offline copy is built with ``use_directory_urls: false`` (``karakter/integritas.html``), so its
``page.canonical_url`` names a file that does not exist on the published site. Links that leave
the copy (the "copy link" buttons, the report-a-problem mail, link previews, the URL printed under
each title in the PDFs) must point at the published page (``karakter/integritas/``). This hook puts
that address in ``page.meta["alamat_daring"]`` for the templates.
"""

from __future__ import annotations


from handbook.addresses import online_path


def on_page_context(context, page, config, nav):
    page.meta["alamat_daring"] = config.site_url.rstrip("/") + "/" + online_path(page.url)
    return context
