/* The handbook engine: Material's search worker, with a ranking that fits how readers type.
 *
 * A theme file (handbook/theme/, supplied by the handbook plugin to every site that uses it). Pages name it as their
 * search worker: handbook/plugin/hooks/search_ranking.py rewrites the "search" entry of Material's
 * __config to "workers/pedoman-search.js?material=<Material's worker>".
 * It loads Material's own worker (same lunr, same query syntax, same result list), then, once the
 * index is set up, wraps lunr.Index.prototype.search as the outermost layer (outside lunr.id's
 * root-word expansion) so that each query:
 *
 * - drops function words ("how do I refuse a gift" -> "refuse gift", "cara menolak hadiah" ->
 *   "menolak hadiah") unless nothing else is left: Material appends "*" to every term, so "a*" or
 *   "di*" would otherwise match half the index;
 * - in English, also searches each word's stem ("stressed" finds "stress"), as lunr.id does for
 *   Indonesian root words;
 * - searches a term that is in no indexed word (a typo: "intergritas") with an edit distance of
 *   one (two for long words) instead of as a prefix that finds nothing;
 * - ranks a section that holds two query words next to each other, in the query's order (the
 *   phrase "media sosial"), above sections that hold the same words apart.
 *
 * Why hand-written: lunr has no phrase queries and Material offers no hook into its worker; this
 * keeps Material's code untouched and only adjusts lunr's scores. Works in a real worker, and from
 * file:// inside the iframe-worker shim (scripts then load with document.write, before the
 * iframe's load event, which is when the shim sends the first message).
 * scripts/handbook/benchmarks/search_rank.js runs this same file in Node for `make bench` and the tests.
 */
(function () {
  "use strict";
  var scope = typeof self !== "undefined" ? self : this;
  var PHRASE_BOOST = 6;      // score factor for a section where every adjacent query pair is a phrase
  var PHRASE_GAP = 3;
  var TYPED_OVER_STEM = 3;   // English: weight of the word as typed against its stem        // positions apart that still count as "next to each other" (a tag between)
  var STOPWORDS = {
    en: "a an and are as at be by can do does for from how i if in is it me my of on or should the to what when where which who why with you your".split(" "),
    id: "ada adalah agar akan apa apakah atau bagaimana bila cara dan dari dengan di harus itu jika kalau ke kenapa mengapa pada saya aku untuk yang ini apa bisa boleh gimana gmn sih dong".split(" ")
  };

  function ownAddress() {
    if (typeof document !== "undefined" && document.currentScript) { return document.currentScript.src; }
    return String(scope.location && scope.location.href || "");
  }

  function loadMaterial() {
    var own = ownAddress();
    var match = /[?&]material=([^&?#]+)/.exec(own);
    if (!match) { throw new Error("pedoman-search.js: no ?material=<worker> in " + own); }
    var name = decodeURIComponent(match[1]);
    if (typeof document !== "undefined" && scope.parent && "IFrameWorker" in scope.parent) {
      var folder = own.replace(/[?#].*$/, "").replace(/[^\/]*$/, "");
      document.write('<script src="' + folder + name + '"><\/script>');
    } else {
      scope.importScripts(name);
    }
  }

  function isStopword(word) {
    return STOPWORDS.en.indexOf(word) !== -1 || STOPWORDS.id.indexOf(word) !== -1;
  }

  /* Prefixes of the indexed words a query word stands for: itself, and its Indonesian root words
     where lunr.id is loaded (it indexes those at the same position as the word), else its English
     stem (lunr's Porter stemmer: "stressed" -> "stress", "residents" -> "resid"; the English
     index holds whole words, which the stem then finds as a prefix). */
  function forms(word) {
    var indonesian = scope.pedomanIndonesian;
    if (indonesian) { return indonesian.candidates(word); }
    var lunr = scope.lunr;
    var stem = lunr && lunr.stemmer ? String(lunr.stemmer(new lunr.Token(word, {}))) : word;
    return stem !== word && stem.length >= 3 ? [word, stem] : [word];
  }

  function known(index, word) {
    var candidates = forms(word);
    for (var term in index.invertedIndex) {
      for (var i = 0; i < candidates.length; i++) {
        if (term.lastIndexOf(candidates[i], 0) === 0) { return true; }
      }
    }
    return false;
  }

  /* The query as Material hands it to lunr ("media* sosial*"), rewritten; and its plain words in order. */
  function rewrite(index, query) {
    var parts = query.trim().split(/\s+/);
    var plain = parts.map(function (part) { return /^([\p{L}\p{N}]+)\*$/u.exec(part); });
    var content = plain.filter(function (match) { return match && !isStopword(match[1].toLowerCase()); });
    var words = [];
    var kept = parts.filter(function (part, i) {
      var match = plain[i];
      if (!match) { return true; }
      var word = match[1].toLowerCase();
      return !(content.length && isStopword(word));
    }).map(function (part) {
      var match = /^([\p{L}\p{N}]+)\*$/u.exec(part);
      if (!match) { return part; }
      var word = match[1].toLowerCase();
      if (word.length >= 5 && !known(index, word)) {
        words.push(null);  // a typo: no phrase with it
        return word + "~" + (word.length >= 9 ? 2 : 1);
      }
      words.push(word);
      var stems = scope.pedomanIndonesian ? [] : forms(word).slice(1);
      // lunr takes whole-number boosts only: the word as typed counts three times its stem.
      if (scope.pedomanIndonesian) { return part; }
      return [part + "^" + TYPED_OVER_STEM].concat(stems.map(function (stem) { return stem + "*"; })).join(" ");
    });
    return { query: kept.join(" "), words: words };
  }

  /* Positions (block << 20 | place) of the words of a result that stand for one query word. */
  function positions(matchData, word, field) {
    var found = [];
    var candidates = forms(word);
    Object.keys(matchData.metadata).forEach(function (term) {
      var hit = candidates.some(function (candidate) { return term.lastIndexOf(candidate, 0) === 0; });
      var data = hit && matchData.metadata[term][field];
      if (data && data.position) { found.push.apply(found, data.position); }
    });
    return found;
  }

  function adjacent(first, second) {
    return first.some(function (a) {
      return second.some(function (b) { return (a >>> 20) === (b >>> 20) && b - a >= 1 && b - a <= PHRASE_GAP; });
    });
  }

  /* Share of the query's adjacent word pairs that stand next to each other in one field of a result. */
  function phraseShare(result, words, fields) {
    var pairs = 0, found = 0;
    for (var i = 0; i + 1 < words.length; i++) {
      if (!words[i] || !words[i + 1]) { continue; }
      pairs++;
      for (var f = 0; f < fields.length; f++) {
        if (adjacent(positions(result.matchData, words[i], fields[f]), positions(result.matchData, words[i + 1], fields[f]))) {
          found++;
          break;
        }
      }
    }
    return pairs ? found / pairs : 0;
  }

  function install(lunr) {
    var inner = lunr.Index.prototype.search;
    if (inner.pedomanRanked) { return; }
    var ranked = function (query) {
      var plan = rewrite(this, String(query));
      var results = inner.call(this, plan.query || query);
      var fields = this.fields;
      results.forEach(function (result) {
        result.score *= 1 + (PHRASE_BOOST - 1) * phraseShare(result, plan.words, fields);
      });
      return results.sort(function (a, b) { return b.score - a.score; });
    };
    ranked.pedomanRanked = true;
    lunr.Index.prototype.search = ranked;
  }

  scope.pedomanSearch = { rewrite: rewrite, phraseShare: phraseShare, isStopword: isStopword };

  // Before Material's listener: at the first query, lunr.id (if any) has wrapped search already.
  scope.addEventListener("message", function (event) {
    if (event.data && event.data.type === 2 && scope.lunr) { install(scope.lunr); }
  });
  loadMaterial();
})();
