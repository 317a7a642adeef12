/* The handbook engine: the service worker (offline-first reading on a phone).
 *
 * The build (handbook/plugin/hooks/offline_first.py) writes this file to the site root as sw.js, after a
 * line `self.PEDOMAN = {...}` with the build's facts: version (hash of the built files), shell
 * (what every page needs, precached on install), linked (the file name, beside a page's
 * index.html, of the same page with its stylesheets linked rather than inlined), offline (the
 * offline page per language) and save (per language: the pages, and the files that "save the
 * whole handbook" downloads besides them). Every path is relative to
 * the worker's scope, so the site works from a domain root or a sub-path.
 *
 * - Install: precache the shell (its stylesheets taken from the open pages, which had them inlined);
 *   carry over what the previous edition had saved, fetched again
 *   (or kept as it was when the network fails), so saved pages survive an update.
 * - Activate: delete every other edition's caches; take over open pages.
 * - Pages: network first (the linked form), kept in the cache; with no answer in 3 s a saved copy
 *   is shown and the network answer still updates the cache; a page never saved and no network:
 *   the offline page in the page's language, at the page's own address.
 * - Everything else from the site (stylesheets, scripts, images, search index): cache first, and
 *   kept once fetched.
 * - Messages from pages: "version" (answered), "keep" (store these URLs: the first page, which was
 *   loaded before the worker ran), "save" (everything of one language, with progress messages).
 */
"use strict";

var BUILD = self.PEDOMAN;
var SCOPE = self.registration.scope;
var SHELL = "pedoman-" + BUILD.version + "-shell";
var PAGES = "pedoman-" + BUILD.version + "-pages";
var WAIT_MS = 3000;
var PAGE_LIST = {};
Object.keys(BUILD.save).forEach(function (lang) {
  BUILD.save[lang].pages.forEach(function (path) { PAGE_LIST[path] = true; });
});

/* A page of the handbook (it has a linked form), as opposed to any other file of the site. */
function isPage(path) { return Object.prototype.hasOwnProperty.call(PAGE_LIST, path); }

function absolute(path) { return new URL(path, SCOPE).href; }

/* The scope-relative path of a URL (no query, no fragment), or null outside the scope. */
function relative(url) {
  var parsed = new URL(url);
  parsed.hash = "";
  parsed.search = "";
  return parsed.href.indexOf(SCOPE) === 0 ? parsed.href.slice(SCOPE.length) : null;
}

/* The language of a path: the one whose offline page's folder starts it, else the one at the root. */
function languageOf(path) {
  var found = null, atRoot = null;
  Object.keys(BUILD.offline).forEach(function (lang) {
    var folder = BUILD.offline[lang].slice(0, BUILD.offline[lang].lastIndexOf("/") + 1);
    if (!folder) { atRoot = lang; } else if (path.indexOf(folder) === 0) { found = lang; }
  });
  return found || atRoot;
}

/* A fresh response with the body already read: safe to store and to serve at any address. */
function stored(response) {
  var type = response.headers.get("Content-Type") || "application/octet-stream";
  return response.blob().then(function (body) {
    return new Response(body, { status: 200, headers: { "Content-Type": type } });
  });
}

/* Fetch one site path (a page through its linked form, unless asked for the page as first
   served: already in the browser's HTTP cache) and store it; resolves to the response. */
function fetchAndKeep(path, cache, asServed) {
  var source = !asServed && isPage(path) ? path + BUILD.linked : path;
  return fetch(absolute(source)).then(function (response) {
    if (!response.ok) { throw new Error(source + ": " + response.status); }
    return stored(response);
  }).then(function (response) {
    return cache.put(absolute(path), response.clone()).then(function () { return response; });
  });
}

/* Run task(item) over items, a few at a time (a phone line carries few requests well). */
function eachLimited(items, limit, task) {
  var next = 0;
  function worker() {
    if (next >= items.length) { return Promise.resolve(); }
    var item = items[next++];
    return Promise.resolve().then(function () { return task(item); }).then(worker, worker);
  }
  var workers = [];
  for (var i = 0; i < Math.min(limit, items.length); i++) { workers.push(worker()); }
  return Promise.all(workers);
}

function otherEditions() {
  return caches.keys().then(function (names) {
    return names.filter(function (name) { return name.indexOf("pedoman-") === 0 && name !== SHELL && name !== PAGES; });
  });
}

/* What the previous edition saved, fetched again for this one (or kept as it was, offline). */
function carryOver() {
  return Promise.all([caches.open(PAGES), otherEditions()]).then(function (opened) {
    var cache = opened[0];
    var old = opened[1].filter(function (name) { return /-pages$/.test(name); });
    return Promise.all(old.map(function (name) {
      return caches.open(name).then(function (previous) {
        return previous.keys().then(function (requests) {
          return eachLimited(requests, 4, function (request) {
            var path = relative(request.url);
            if (path === null) { return null; }
            return fetchAndKeep(path, cache).catch(function () {
              return previous.match(request).then(function (response) { return response && cache.put(request, response); });
            });
          });
        });
      });
    }));
  });
}

/* The stylesheets of the shell, taken from the pages open now: their first visit had them inlined
   (<style data-href>), and those pages are in the browser's HTTP cache, so this costs a
   revalidation, not the 26 KB of stylesheets again. */
function stylesFromOpenPages(cache) {
  var wanted = BUILD.shell.map(absolute);
  return self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (clients) {
    var urls = clients.map(function (client) { return client.url; }).filter(function (url) { return relative(url) !== null; });
    return Promise.all(urls.slice(0, 2).map(function (url) {
      return fetch(url).then(function (response) { return response.ok ? response.text() : ""; }).then(function (text) {
        var style = /<style data-href="([^"]+)">([\s\S]*?)<\/style>/g;
        var puts = [];
        for (var match = style.exec(text); match; match = style.exec(text)) {
          var address = new URL(match[1], url).href;
          if (wanted.indexOf(address) !== -1) {
            puts.push(cache.put(address, new Response(match[2], { headers: { "Content-Type": "text/css; charset=utf-8" } })));
          }
        }
        return Promise.all(puts);
      }).catch(function () { return null; });
    }));
  });
}

function precache(cache) {
  return stylesFromOpenPages(cache).then(function () { return cache.keys(); }).then(function (have) {
    var present = have.map(function (request) { return request.url; });
    return cache.addAll(BUILD.shell.map(absolute).filter(function (url) { return present.indexOf(url) === -1; }));
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(SHELL)
      .then(precache)
      .then(carryOver)
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    otherEditions()
      .then(function (names) { return Promise.all(names.map(function (name) { return caches.delete(name); })); })
      .then(function () { return self.clients.claim(); })
  );
});

function offlinePage(path) {
  var address = absolute(BUILD.offline[languageOf(path)]);
  return caches.match(address).then(function (response) {
    if (!response) { return Response.error(); }
    return response.text().then(function (text) {
      // Served at the address the reader asked for: its links resolve from the offline page's own.
      var html = text.replace("<head>", '<head>\n<base href="' + address + '">');
      return new Response(html, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } });
    });
  });
}

function navigate(event, path) {
  var key = absolute(path);
  return caches.open(PAGES).then(function (cache) {
    var network = isPage(path)
      ? fetchAndKeep(path, cache).catch(function () { return fetch(event.request); })
      : fetch(event.request);
    return cache.match(key).then(function (saved) {
      if (!saved) {
        return network.catch(function () { return offlinePage(path); });
      }
      event.waitUntil(network.catch(function () { return null; }));
      var late = new Promise(function (resolve) { setTimeout(function () { resolve(saved); }, WAIT_MS); });
      return Promise.race([network.catch(function () { return saved; }), late]);
    });
  });
}

function asset(request) {
  return caches.match(request).then(function (found) {
    if (found) { return found; }
    return fetch(request).then(function (response) {
      if (response.ok && response.type === "basic") {
        var copy = response.clone();
        caches.open(PAGES).then(function (cache) { return cache.put(request, copy); });
      }
      return response;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var path = relative(request.url);
  if (path === null || path === "sw.js") { return; }
  if (request.mode === "navigate") {
    event.respondWith(navigate(event, path));
  } else {
    event.respondWith(asset(request));
  }
});

function keep(urls) {
  return caches.open(PAGES).then(function (cache) {
    return eachLimited(urls, 4, function (url) {
      var path = relative(url);
      if (path === null) { return null; }
      return caches.match(absolute(path)).then(function (found) {
        return found || fetchAndKeep(path, cache, true).catch(function () { return null; });
      });
    });
  });
}

function save(lang, client) {
  var plan = BUILD.save[lang];
  if (!plan) { return Promise.resolve(); }
  var paths = plan.pages.concat(plan.files);
  var done = 0;
  var failed = 0;
  function report(type) {
    if (client) { client.postMessage({ type: type, lang: lang, done: done, failed: failed, total: paths.length }); }
  }
  return caches.open(PAGES).then(function (cache) {
    report("save-progress");
    return eachLimited(paths, 4, function (path) {
      return cache.match(absolute(path))
        .then(function (found) { return found || fetchAndKeep(path, cache); })
        .then(function () { done += 1; }, function () { failed += 1; })
        .then(function () { report("save-progress"); });
    });
  }).then(function () { report("save-done"); });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "version") {
    if (event.source) { event.source.postMessage({ type: "version", version: BUILD.version }); }
  } else if (data.type === "keep" && Array.isArray(data.urls)) {
    event.waitUntil(keep(data.urls));
  } else if (data.type === "save") {
    event.waitUntil(save(data.lang, event.source));
  }
});
