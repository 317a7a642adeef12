/* The handbook engine: download the search index only when the reader wants to search.
 *
 * Material requests search/search_index.json (with XMLHttpRequest) on every page load; on an
 * island connection that is the largest download of the page, and most readers never search.
 * Loaded before Material's bundle, this holds back the send() of that one request until the
 * reader opens search (focus in the search box, the search button, or Material's keyboard
 * shortcuts, which focus the box). Every other request goes out untouched. From file:// Material
 * loads a local script instead, which this does not touch. Inlined into every page by main.html.
 */
(function () {
  "use strict";
  var wanted = false;
  var waiting = [];
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.pedomanSearchIndex = /(^|\/)search\/search_index\.json(\?|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.pedomanSearchIndex && !wanted) {
      waiting.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release() {
    if (wanted) { return; }
    wanted = true;
    waiting.splice(0).forEach(function (held) { send.apply(held[0], held[1]); });
  }

  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.closest && event.target.closest(".md-search")) { release(); }
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) { release(); }
  });
  document.addEventListener("click", function (event) {
    if (event.target && event.target.closest && event.target.closest('label[for="__search"], .md-search')) { release(); }
  });
})();
