/* The handbook engine: small reader helpers, no third-party code.
 *
 * 1. The "Salin tautan" / "Copy link" button the build writes after every ## and ### heading
 *    (handbook/plugin/reader_markup.py) copies the absolute address of that section (site_url +
 *    page + #id), works with the keyboard (it is a real <button>) and announces the result to
 *    screen readers through a polite live region. Beside it the "Kutip" / "Cite" button copies a
 *    citation of the section (handbook title, edition, section title, address; the text comes from
 *    the page's meta pedoman:cite, see handbook/plugin/hooks/edition.py) and shows that citation as
 *    its title; a page without that meta hides it.
 * 2. The language switcher keeps the section: /<folder>/<page>/#<id> switches to
 *    /<lang>/<folder>/<page>/#<id> and back.
 */
(function () {
  "use strict";

  // The words it writes, in the page's language (interface text, main.html's #pedoman-teks).
  var source = document.getElementById("pedoman-teks");
  if (!source) { return; }
  var text = JSON.parse(source.textContent);

  function pageUrl() {
    var meta = document.querySelector('meta[name="pedoman:page-url"]');
    var url = meta && meta.content ? meta.content : location.href;
    return url.split("#")[0];
  }

  function copyText(value) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(value);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = value;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy")); }
    });
  }

  function citation(name, address) {
    var meta = document.querySelector('meta[name="pedoman:cite"]');
    if (!meta || !meta.content) { return null; }
    return meta.content.replace("{section}", name).replace("{address}", address);
  }

  // The section a button belongs to: the heading before it (handbook/plugin/reader_markup.py
  // writes both buttons right after their heading).
  function headingOf(button) {
    var node = button.previousElementSibling;
    while (node && !/^H[23]$/.test(node.tagName)) { node = node.previousElementSibling; }
    return node;
  }

  function sectionName(heading) {
    return heading.textContent.replace(/[¶#]\s*$/, "").trim();
  }

  function flash(button, done, shown) {
    button.textContent = done;
    setTimeout(function () { button.textContent = shown; }, 2500);
  }

  // One listener for every button: nothing is added to the page, so nothing moves on load.
  function wireSectionButtons() {
    var status = document.createElement("p");
    status.className = "pedoman-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    document.body.appendChild(status);

    Array.prototype.forEach.call(document.querySelectorAll("button.pedoman-kutip"), function (cite) {
      var heading = headingOf(cite);
      var cited = heading && citation(sectionName(heading), pageUrl() + "#" + heading.id);
      if (cited) { cite.title = cited; } else { cite.hidden = true; }
    });

    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button.pedoman-salin, button.pedoman-kutip");
      var heading = button && headingOf(button);
      if (!heading) { return; }
      var name = sectionName(heading);
      var address = pageUrl() + "#" + heading.id;
      if (button.classList.contains("pedoman-salin")) {
        history.replaceState(null, "", "#" + heading.id);
        copyText(address).then(function () {
          status.textContent = text.copied + ": " + name;
          flash(button, text.copied, text.copy);
        }, function () {
          status.textContent = text.failed;
        });
      } else {
        var cited = citation(name, address);
        copyText(cited).then(function () {
          status.textContent = text.cited + ": " + cited;
          flash(button, text.cited, text.cite);
        }, function () {
          status.textContent = text.failed;
        });
      }
    });
  }

  function keepSectionOnLanguageSwitch() {
    var links = document.querySelectorAll("a.md-select__link[hreflang]");
    Array.prototype.forEach.call(links, function (link) {
      link.dataset.base = link.getAttribute("href").split("#")[0];
    });
    function update() {
      Array.prototype.forEach.call(links, function (link) {
        link.setAttribute("href", link.dataset.base + location.hash);
      });
    }
    window.addEventListener("hashchange", update);
    update();
    // Material's own handler for these links (it matches pages through sitemap.xml) drops the
    // #section, and navigation.tracking moves the hash with replaceState, which fires no
    // hashchange. So the click is ours: the section the reader is on now, on the other language.
    Array.prototype.forEach.call(links, function (link) {
      link.addEventListener("click", function (event) {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
          update();
          return;
        }
        event.preventDefault();
        event.stopPropagation();
        location.href = new URL(link.dataset.base + location.hash, location.href).href;
      });
    });
  }

  // Names for two of Material's landmarks that its templates leave unnamed (done here rather than
  // by forking Material's nav and search partials): the search dialog, and each section's nested
  // navigation, whose label holds only an icon when the section has an index page.
  function nameLandmarks() {
    var search = document.querySelector(".md-search[role=dialog]");
    var input = document.querySelector(".md-search__input");
    if (search && input && !search.hasAttribute("aria-label")) {
      search.setAttribute("aria-label", input.getAttribute("aria-label") || "Search");
    }
    Array.prototype.forEach.call(document.querySelectorAll("nav.md-nav[aria-labelledby]"), function (nav) {
      var label = document.getElementById(nav.getAttribute("aria-labelledby"));
      if (label && !label.textContent.trim()) {
        var title = label.parentElement && label.parentElement.querySelector("a");
        if (title && title.textContent.trim()) {
          nav.removeAttribute("aria-labelledby");
          nav.setAttribute("aria-label", title.textContent.trim());
        }
      }
    });
  }

  function start() {
    nameLandmarks();
    wireSectionButtons();
    keepSectionOnLanguageSwitch();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
