/* Run queries through the built site's own search, exactly as a reader's browser does, in Node.
 *
 * Loads Material's search worker from the built site (the same lunr, query transform and post-query
 * boosts) into a sandbox with the few worker globals it uses (self, importScripts, postMessage,
 * addEventListener). The worker then imports our language file (lunr.id.min.js) itself, as it does
 * in the browser, and any script the site's worker wrapper names. Each query's answer is the list of
 * result pages in the order the search box shows them.
 *
 * Usage: node scripts/handbook/benchmarks/search_rank.js SITE_DIR LANG < queries.json > results.json
 *   SITE_DIR: a built site; LANG: id (search/search_index.json) or en (en/search/search_index.json)
 *   stdin: a JSON list of query strings; stdout: a JSON list, per query, of page paths ("karakter/integritas/")
 * Called by scripts/handbook/benchmarks/search.py (make bench) and tests/test_search_queries.py.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");

function fail(message) {
  process.stderr.write(`search_rank.js: ${message}\n`);
  process.exit(2);
}

function workerScript(site) {
  /* The worker a page names in its __config ("search": ".../workers/<file>"), which may be our wrapper. */
  const html = fs.readFileSync(path.join(site, "index.html"), "utf8");
  const match = /<script id="__config" type="application\/json">[^<]*?"search": "([^"]*)"/.exec(html);
  if (!match) fail(`${site}/index.html names no search worker in its __config`);
  const [file, query = ""] = match[1].replace(/^(\.\.\/|\.\/)+/, "").split("?");
  return { file: path.join(site, file), query: query ? `?${query}` : "" };
}

function startWorker(site) {
  const { file, query } = workerScript(site);
  const folder = path.dirname(file);
  const listeners = [];
  const sandbox = {
    location: { href: `file://${file}${query}` },
    console, setTimeout, clearTimeout, URL, TextEncoder, TextDecoder, structuredClone,
    addEventListener: (type, listener) => { if (type === "message") listeners.push(listener); },
    postMessage: () => {},
    importScripts: (...urls) => {
      for (const url of urls) {
        const target = path.resolve(folder, url);
        vm.runInContext(fs.readFileSync(target, "utf8"), sandbox, { filename: target });
      }
    },
  };
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(fs.readFileSync(file, "utf8"), sandbox, { filename: file });
  return async (message) => {
    let answer;
    sandbox.postMessage = (data) => { answer = data; };
    for (const listener of listeners) await listener({ data: message });
    // Material's handler is async and posts after its own awaits: give it the turns it needs.
    for (let turn = 0; turn < 50 && answer === undefined; turn++) await new Promise((r) => setImmediate(r));
    if (answer === undefined) fail("the search worker did not answer");
    return answer;
  };
}

async function main() {
  const [site, lang] = process.argv.slice(2);
  if (!site || !["id", "en"].includes(lang)) fail("usage: search_rank.js SITE_DIR id|en < queries.json");
  const indexPath = path.join(site, lang === "en" ? "en" : "", "search", "search_index.json");
  if (!fs.existsSync(indexPath)) fail(`no search index at ${indexPath}: build the site first`);
  const index = JSON.parse(fs.readFileSync(indexPath, "utf8"));
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  const send = startWorker(site);
  const ready = await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
  if (ready.type !== 1) fail(`the search worker did not get ready: ${JSON.stringify(ready)}`);
  const results = [];
  for (const query of queries) {
    const answer = await send({ type: 2, data: query });
    const pages = answer.data.items.map((group) => group[0].location.split("#")[0]);
    results.push(pages.filter((page, i) => pages.indexOf(page) === i));
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((error) => fail(error.stack || String(error)));
