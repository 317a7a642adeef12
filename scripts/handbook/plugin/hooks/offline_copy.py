"""The offline copy loads nothing from the internet.

Material's ``offline`` plugin makes a copy that works from ``file://``; to let search run there it
adds the ``iframe-worker`` shim as a polyfill, fetched from unpkg.com unless ``extra.polyfills``
already names one. This hook names our own copy of that shim (npm ``iframe-worker`` 1.0.4, MIT, in
``handbook/theme/assets/javascripts/vendor/``) only when the offline plugin is on, so the online site does
not load it and neither copy ever asks a third-party host for anything.
"""

from __future__ import annotations



from handbook.build import offline_copy_enabled

LOCAL_SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


def on_config(config):
    if not offline_copy_enabled(config):
        return config
    polyfills = [url for url in config.extra.get("polyfills", []) if "iframe-worker" not in url]
    config.extra["polyfills"] = [*polyfills, LOCAL_SHIM]
    return config
