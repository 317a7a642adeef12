/* The handbook engine: no sitemap.xml requests beside the language alternates.
 *
 * Material's bundle (its language selector, function `ui` in bundle.min.js) takes every
 * <link rel="alternate"> of the page and requests sitemap.xml *relative to that link*
 * (new URL("sitemap.xml", link.href)), to map pages between languages when a language link is
 * clicked. The handbook's alternates are page addresses (values/honesty/), so those requests
 * end in 404 (two console errors on every page), and, as the alternates are absolute addresses
 * under SITE_URL, they would reach that host even from a copy served elsewhere. The handbook does
 * not need that mapping: its language links already point at the same page and section
 * (handbook/plugin/hooks/language_switcher.py, pedoman.js). So, before Material's bundle loads, this
 * answers exactly those requests (XMLHttpRequest, as the bundle makes them) with a network error
 * raised here, without touching the network; Material then leaves the language links alone, as it
 * did after the 404s. Every other request goes out untouched. Inlined by main.html.
 */
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  function alternateSitemap(url) {
    var target;
    try { target = new URL(String(url), location.href).href; } catch (error) { return false; }
    if (!/\/sitemap\.xml$/.test(target)) { return false; }
    var links = document.querySelectorAll("link[rel=alternate][hreflang]");
    for (var i = 0; i < links.length; i++) {
      if (new URL("sitemap.xml", links[i].href).href === target) { return true; }
    }
    return false;
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.pedomanAlternateSitemap = alternateSitemap(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.pedomanAlternateSitemap) {
      var request = this;
      setTimeout(function () { request.dispatchEvent(new ProgressEvent("error")); }, 0);
      return undefined;
    }
    return send.apply(this, arguments);
  };
})();
