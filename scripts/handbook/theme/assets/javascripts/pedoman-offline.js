/* The handbook engine: offline-first reading, the page's side (the worker is sw.js).
 *
 * Added to every page of the online site by handbook/plugin/hooks/offline_first.py (never to the file://
 * offline copy), with data-root, the page's relative path to the site root.
 * 1. Registers the service worker <root>sw.js (its scope: the whole site, both languages).
 * 2. The first page was loaded before the worker ran: once it runs, it is asked to keep this page
 *    and its images, so the first page read also opens offline.
 * 3. Tells the reader when a newer edition was loaded: the worker's version differs from the last
 *    one this browser saw (remembered in localStorage).
 * 4. The save control of the downloads page ([data-offline-save]): asks the worker to save every
 *    page of the language with its search, shows progress and the result. Its texts come from the
 *    page (data-text-*), in the page's language.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var button = document.querySelector("[data-offline-save]");
  var status = document.querySelector("[data-offline-status]");
  var progress = document.querySelector("[data-offline-progress]");
  var EDITION = "pedoman-edition";

  function say(name, values) {
    var text = button.getAttribute("data-text-" + name) || "";
    Object.keys(values || {}).forEach(function (key) { text = text.split("{" + key + "}").join(values[key]); });
    status.textContent = text;
  }

  if (!("serviceWorker" in navigator) || !window.caches || !script) {
    if (button) { say("unsupported"); }
    return;
  }
  var workers = navigator.serviceWorker;
  var root = new URL(script.getAttribute("data-root") || "./", location.href);
  var controlled = Boolean(workers.controller);

  function showNotice() {
    var notice = document.querySelector("[data-offline-notice]");
    if (!notice) { return; }
    notice.hidden = false;
    var close = notice.querySelector("[data-offline-notice-close]");
    if (close) { close.addEventListener("click", function () { notice.hidden = true; }); }
  }

  function edition(version) {
    var seen = null;
    try { seen = localStorage.getItem(EDITION); localStorage.setItem(EDITION, version); } catch (error) { seen = null; }
    if (seen && seen !== version) { showNotice(); }
  }

  function askVersion() {
    if (workers.controller) { workers.controller.postMessage({ type: "version" }); }
  }

  workers.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.type === "version") {
      edition(data.version);
    } else if (button && (data.type === "save-progress" || data.type === "save-done")) {
      progress.max = data.total || 1;
      progress.value = data.done + data.failed;
      if (data.type === "save-progress") {
        say("progress", { done: data.done + data.failed, total: data.total });
      } else {
        button.disabled = false;
        progress.hidden = true;
        say(data.failed ? "failed" : "done", { failed: data.failed, total: data.total });
        button.setAttribute("data-offline-saved", data.failed ? "partly" : "yes");
      }
    }
  });
  workers.addEventListener("controllerchange", askVersion);
  askVersion();

  workers.register(new URL("sw.js", root).href).catch(function () {
    if (button) { say("unsupported"); }
  });

  workers.ready.then(function (registration) {
    if (!controlled && registration.active) {
      var urls = [location.href];
      Array.prototype.forEach.call(document.images, function (image) {
        if (image.currentSrc && image.currentSrc.indexOf(root.href) === 0) { urls.push(image.currentSrc); }
      });
      registration.active.postMessage({ type: "keep", urls: urls });
    }
    if (button) {
      status.textContent = "";
      button.disabled = false;
      button.addEventListener("click", function () {
        button.disabled = true;
        progress.hidden = false;
        progress.value = 0;
        (workers.controller || registration.active).postMessage({ type: "save", lang: button.getAttribute("data-offline-save") });
      });
    }
  });
})();
