/* Casebook search. The tokenizer follows the spec in Tokenizer.java (same golden file); the index
   is sharded by term, so a query downloads only the shards of its terms and the fragments it shows. */
(function () {
  "use strict";
  var ZW = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g, WORD = /[\p{L}\p{N}_]/u, LOW = /\p{Lowercase}/u, UP = /\p{Uppercase}/u;
  var VOLATILE = new RegExp("^(?:[0-9a-f]{12,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" +
    "|(?:req|trace|span|chatcmpl|run|msg|call)[-_][0-9a-z_-]{6,}|\\d{4}-\\d{2}-\\d{2}(?:t\\d{2}:\\d{2}.*)?" +
    "|\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?|\\d{6,})$");

  function isHan(c) { return c >= 0x3400 && c <= 0x4DBF || c >= 0x4E00 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF; }
  function isWord(c) { return !isHan(c) && WORD.test(String.fromCodePoint(c)); }
  function isJoiner(c) { return c === 46 || c === 58 || c === 47 || c === 45; }
  function normalize(s) { return s.normalize("NFKC").replace(ZW, ""); }
  function isVolatile(t) { return VOLATILE.test(t); }

  function camel(s) {
    var cps = Array.from(s), out = [], start = 0;
    for (var k = 1; k < cps.length; k++) {
      if (LOW.test(cps[k - 1]) && UP.test(cps[k]) ||
          k + 1 < cps.length && UP.test(cps[k - 1]) && UP.test(cps[k]) && LOW.test(cps[k + 1])) {
        out.push(cps.slice(start, k).join("")); start = k;
      }
    }
    out.push(cps.slice(start).join(""));
    return out;
  }

  // lower case as in Tokenizer.java, a final sigma folded to sigma
  function lower(s) { return s.toLowerCase().replace(/\u03c2/g, "\u03c3"); }

  function identifier(run, out) {
    var whole = lower(run), coarse = run.split(/[.:\/-]+/).filter(Boolean), fine = [];
    out.push([whole, "w"]);
    coarse.forEach(function (c) { c.split(/_+/).filter(Boolean).forEach(function (u) { fine = fine.concat(camel(u)); }); });
    if (coarse.length < 2 && fine.length < 2) return;
    var parts = [];
    function add(p) { p = lower(p); if (parts.indexOf(p) < 0) parts.push(p); }
    if (coarse.length > 1) coarse.forEach(add);
    fine.forEach(add);
    for (var k = 0; k + 1 < fine.length; k++) add(fine[k] + "_" + fine[k + 1]);
    parts.forEach(function (p) { if (p !== whole) out.push([p, "p"]); });
  }

  /** [[text, kind], ...] with kind w (whole), p (identifier part) or c (Chinese bigram). */
  function tokenize(input) {
    var s = normalize(input), out = [], i = 0;
    while (i < s.length) {
      var c = s.codePointAt(i), start = i;
      if (isHan(c)) {
        while (i < s.length && isHan(s.codePointAt(i))) i += s.codePointAt(i) > 0xFFFF ? 2 : 1;
        var han = Array.from(s.slice(start, i));
        if (han.length === 1) out.push([han[0], "c"]);
        for (var k = 0; k + 1 < han.length; k++) out.push([han[k] + han[k + 1], "c"]);
      } else if (isWord(c)) {
        var end = i;
        while (i < s.length) {
          var d = s.codePointAt(i);
          if (isWord(d)) { i += d > 0xFFFF ? 2 : 1; end = i; } else if (isJoiner(d)) i++; else break;
        }
        i = end;
        identifier(s.slice(start, end), out);
      } else i += c > 0xFFFF ? 2 : 1;
    }
    return out;
  }

  /** The other words of the site's synonym sets that hold {@code term} (manifest field syn). */
  function synonymsOf(m, term) {
    var out = [];
    (m.syn || []).forEach(function (set) {
      if (set.indexOf(term) >= 0) set.forEach(function (t) { if (t !== term && out.indexOf(t) < 0) out.push(t); });
    });
    return out;
  }
  // the heading a text position falls under is a list of sources (Sources, References, 来源, 参考…)
  var SOURCES = /^(sources?|references?|citations?|further-reading|see-also|来源|参考|参考资料|出处|延伸阅读)(-\d+)?$/;
  function citing(headings, at) {
    var id = "";
    headings.forEach(function (h) { if (h[1] <= at) id = h[0]; });
    return SOURCES.test(id);
  }
  // a result link carries the words to mark on arrival (?h=), before its fragment
  function marked(url, marks) {
    if (!marks || !marks.length) return url;
    var hash = url.indexOf("#"), base = hash < 0 ? url : url.slice(0, hash), frag = hash < 0 ? "" : url.slice(hash);
    return base + (base.indexOf("?") < 0 ? "?" : "&") + "h=" + encodeURIComponent(marks.join(" ")) + frag;
  }
  if (typeof module === "object" && module.exports) {
    module.exports = { tokenize: tokenize, isVolatile: isVolatile, denoise: denoise, distance: distance, citing: citing,
      marked: marked, synonymsOf: synonymsOf };
    return;
  }

  // ---- index access
  var script = document.currentScript, base = script.src.replace(/search\.js(\?.*)?$/, "") + "__CASEBOOK_INDEX__/";
  var manifestP, shards = {}, blocks = {};
  function get(url, binary) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return binary ? r.arrayBuffer() : r.json();
    });
  }
  // the first term of each shard, front-coded: a line per shard, its first character '0' plus the characters it
  // shares with the line before, then the rest
  function manifest() {
    return manifestP || (manifestP = get(base + "manifest.json").then(function (m) {
      var previous = "";
      m.shards = m.shards ? m.shards.split("\n").map(function (line) {
        return (previous = previous.slice(0, line.charCodeAt(0) - 48) + line.slice(1));
      }) : [];
      return m;
    }));
  }
  function gunzip(buf) {
    var b = new Uint8Array(buf);
    if (b[0] !== 0x1f || b[1] !== 0x8b) return Promise.resolve(b); // the host already decompressed it
    return new Response(new Blob([b]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer()
      .then(function (x) { return new Uint8Array(x); });
  }
  function decode(b) {
    var pos = 0, prev = new Uint8Array(0), dec = new TextDecoder(), terms = {}, list = [];
    function vi() { var v = 0, s = 0, x; do { x = b[pos++]; v |= (x & 127) << s; s += 7; } while (x & 128); return v >>> 0; }
    for (var n = vi(); n > 0; n--) {
      var shared = vi(), len = vi(), bytes = new Uint8Array(shared + len);
      bytes.set(prev.subarray(0, shared)); bytes.set(b.subarray(pos, pos + len), shared); pos += len; prev = bytes;
      var df = vi(), kept = vi(), docs = new Int32Array(kept), imp = new Uint8Array(kept), last = 0;
      for (var k = 0; k < kept; k++) { last += vi(); docs[k] = last; imp[k] = b[pos++]; }
      var term = dec.decode(bytes);
      terms[term] = { df: df, docs: docs, imp: imp, full: kept === df };
      list.push(term);
    }
    return { terms: terms, list: list };
  }
  function shardOf(m, term) {
    var lo = 0, hi = m.shards.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (m.shards[mid] <= term) lo = mid; else hi = mid - 1; }
    return lo;
  }
  function shard(m, i) {
    return shards[i] || (shards[i] = get(inFolder(m, "t", i), true).then(gunzip).then(decode));
  }
  function lookup(m, term) { return shard(m, shardOf(m, term)).then(function (s) { return s.terms[term] || null; }); }
  function prefixed(m, prefix) {
    return shard(m, shardOf(m, prefix)).then(function (s) {
      return s.list.filter(function (t) { return t.length > prefix.length && t.indexOf(prefix) === 0; }).slice(0, 12)
        .map(function (t) { return s.terms[t]; });
    });
  }
  // shards and fragments lie in folders of m.folder files each: t/0/0.bin … t/0/15.bin, t/1/16.bin …
  function inFolder(m, kind, n) { return base + kind + "/" + Math.floor(n / m.folder) + "/" + n + ".bin"; }
  function block(m, id) {
    var n = Math.floor(id / m.block);
    if (!blocks[n]) {
      blocks[n] = get(inFolder(m, "f", n), true).then(gunzip).then(function (b) { return JSON.parse(new TextDecoder().decode(b)); });
    }
    return blocks[n].then(function (b) { return b[id % m.block]; });
  }

  // ---- query
  /** Clauses of a query: a word or identifier (with its parts), or a Chinese bigram. */
  function clauses(query) {
    var out = [], toks = tokenize(query);
    toks.forEach(function (t) {
      if (t[1] === "p") { if (out.length) out[out.length - 1].parts.push(t[0]); return; }
      out.push({ text: t[0], cjk: t[1] === "c", parts: [], ident: /[._:\/-]/.test(t[0]) });
    });
    var seen = {};
    return out.filter(function (c) { return !seen[c.text] && (seen[c.text] = true); });
  }

  // a pasted log: compose's "service-1  | " prefixes and the file paths of stack frames name the
  // machine, not the problem; the exception line and its message are what an article explains
  function denoise(query) {
    return query.split("\n").map(function (line) {
      return line.replace(/^(?:.*?\s)?[\w.-]+-\d+\s+\|\s?/, "")
        .replace(/File "[^"]*", line \d+, in \S+/g, " ")
        .replace(/(^|[\s(])(?:[A-Za-z]:)?(?:[\/\\][\w.@+-]+){2,}(?::\d+)*/g, " ");
    }).join("\n");
  }

  function search(query, opts) {
    opts = opts || {};
    var limit = opts.limit || 10;
    return manifest().then(function (m) {
      var pasted = /\n/.test(query.trim());
      // a pasted log or error line (several lines, or a long line with error punctuation), not a typed question
      var all = clauses(pasted ? denoise(query) : query);
      // a question is told by its shape (a question word first, or a question mark last), not by its length
      var question = /[?？]\s*$/.test(query) || /^\s*(how|why|what|when|where|which|who|can|could|does|do|did|is|are|should|would|will)\b/i.test(query);
      var long = pasted || !question && (all.length >= 7 && /[:'"\[\]()=]|\w\.\w/.test(query) || all.length >= 14);
      var cs = long ? all.filter(function (c) { return !isVolatile(c.text); }) : all;
      // question words ("how", "why", 为什么…) say nothing about the article, unless they are all there is
      var meaningful = cs.filter(function (c) { return !STOP[c.text] && !CJK_STOP[c.text]; });
      if (meaningful.length) cs = meaningful;
      if (!cs.length || !m.shards.length) return [];
      var typing = !long && opts.prefix !== false && /[a-z0-9_]$/i.test(query) && cs[cs.length - 1];
      var fixed = {};
      return Promise.all(cs.map(function (c, n) {
        return lookup(m, c.text).then(function (e) {
          // a word of the site's synonym sets brings the others: alone when the word itself is not indexed,
          // beside it (at less weight) when it is
          var alts = synonymsOf(m, c.text);
          if (!alts.length) return found(e);
          return Promise.all(alts.map(function (t) { return lookup(m, t); })).then(function (others) {
            others = others.filter(Boolean);
            if (!e && others.length) return others.map(function (o) { return [o, 0.8]; });
            return Promise.resolve(found(e)).then(function (list) { return list.concat(others.map(function (o) { return [o, 0.4]; })); });
          });
        });
        function found(e) {
          // a term in a quarter of all documents or more (OPENAI_API_KEY in every config) weighs less
          var common = e && e.df * 4 >= m.docs ? 0.5 : 1;
          // an identifier (a pipe, key or function name, an error class) weighs three times: in a pasted line
          // always, in a query when few documents have it, so that it outweighs generic words in other titles
          var named = c.ident || /_|[A-Z].*[a-z]|[a-z][A-Z]/.test(c.text);
          if (e) return [[e, common * (named && (long || e.df <= Math.max(2, m.docs / 20)) ? 3 : 1)]];
          // a Chinese word in no document: a character of the same sound typed for another (秘钥 for 密钥)
          if (c.cjk && c.text.length === 2 && !long) {
            var prev = cs[n - 1], next = cs[n + 1];
            return nearHan(m, c.text, prev && prev.cjk && prev.text[1] === c.text[0] ? prev.text[0] : "",
              next && next.cjk && next.text[0] === c.text[1] ? next.text[1] : "").then(function (near) {
              if (!near) return [];
              fixed[c.text] = near[0];
              return [[near[1], 0.9]];
            });
          }
          // a word of five letters or more with no exact match: the nearest term within one edit (two when
          // long); the word being typed tries its completions first
          var eligible = !long && !c.cjk && /^[\p{L}\p{N}_]{5,}$/u.test(c.text);
          function fuzzy(otherwise) {
            return nearest(m, c.text).then(function (near) {
              if (!near) return otherwise();
              fixed[c.text] = near[0];
              return [[near[1], 0.9]];
            });
          }
          if (!eligible) return withParts(c, n);
          if (typing && n === cs.length - 1) {
            return withParts(c, n).then(function (found) { return found.length ? found : fuzzy(function () { return []; }); });
          }
          return fuzzy(function () { return withParts(c, n); });
        }
      })).then(function (entries) {
        // words that stand together in the query and in a title, error string or heading score again as a pair
        var pairs = long ? [] : queryPairs(all, fixed);
        // what was searched for instead: the query with each corrected word replaced ("did you mean"); its words are marked
        var words = Object.keys(fixed), corrected = words.length ? words.reduce(function (q, w) {
          return q.replace(new RegExp(w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi"), function () { return fixed[w]; });
        }, query.trim()) : "";
        var shown = corrected ? clauses(corrected) : cs;
        return Promise.all(pairs.map(function (p) { return lookup(m, p); })).then(function (found) {
          var hits = rank(m, cs, entries, long, opts.lang, found.filter(Boolean));
          return Promise.all(hits.slice(0, limit).map(function (h) { return present(m, h, shown, corrected || query, opts.lang); }))
            .then(function (results) { results.total = hits.length; return results; }); // how many matched, shown or not
        }).then(function (results) {
          results.correction = corrected;
          return results;
        });
      });

      function withParts(c, n) {
          var tries = c.parts.map(function (p) {
            return lookup(m, p).then(function (pe) {
              if (pe) return [[pe, 0.3]];
              // a typo inside an identifier (litellm.exceptions.AuthentcationError): the part's nearest term
              if (long || c.cjk || !/^[\p{L}\p{N}_]{5,}$/u.test(p)) return [];
              return nearest(m, p).then(function (near) {
                if (!near) return [];
                fixed[p] = near[0];
                return [[near[1], 0.3 * 0.9]];
              });
            });
          });
          if (n === cs.length - 1 && typing && c.text.length >= 3 && !c.cjk) {
            tries.push(prefixed(m, c.text).then(function (list) { return list.map(function (pe) { return [pe, 0.8]; }); }));
          }
          return Promise.all(tries).then(function (r) { return [].concat.apply([], r); });
      }
    });
  }

  /** Adjacent words of the query, and consecutive parts of its identifiers, as the index's pair terms. */
  function queryPairs(all, fixed) {
    var out = [];
    function word(c) { return fixed[c.text] || c.text; }
    for (var k = 0; k + 1 < all.length; k++) {
      if (!all[k].cjk && !all[k + 1].cjk) out.push(word(all[k]) + " " + word(all[k + 1]));
    }
    all.forEach(function (c) {
      c.parts.forEach(function (p) { if (p.indexOf("_") > 0 && p.indexOf("_") === p.lastIndexOf("_")) out.push(p.replace("_", " ")); });
    });
    return out.filter(function (p, i) { return out.indexOf(p) === i; }).slice(0, 12);
  }

  /**
   * [word, entry] of the indexed Chinese word that differs from {@code w} in one character. A wrong character
   * inside a phrase also breaks the word it makes with its neighbour ({@code before} or {@code after} it in the
   * query): a character is replaced only at the phrase's edge, or where that word is missing too and the
   * replacement makes an indexed word with the neighbour; a word that only joins two found words (败怎 in
   * 失败怎么办) is left alone. Words ending in a character are listed under their reversed form ("~BA").
   */
  function nearHan(m, w, before, after) {
    function around(key, pick) {
      return key ? shard(m, shardOf(m, key)).then(function (s) {
        var o = {};
        s.list.forEach(function (t) { var x = pick(t); if (x) o[x] = s.terms[t].df; });
        return o;
      }) : null;
    }
    function starting(ch) { return around(ch, function (t) { return t.length === 2 && t[0] === ch && t[1]; }); }
    function ending(ch) { return around(ch && "~" + ch, function (t) { return t.length === 3 && t[0] === "~" && t[1] === ch && t[2]; }); }
    return Promise.all([starting(w[0]), ending(w[1]), ending(after), starting(before),
      after && lookup(m, w[1] + after), before && lookup(m, before + w[0])]).then(function (r) {
      var best = null;
      function consider(word, df, edge, fits) {
        var score = edge ? df : fits ? df * 1000 : 0;
        if (word !== w && score > 0 && (!best || score > best[1])) best = [word, score];
      }
      Object.keys(r[0]).forEach(function (x) { consider(w[0] + x, r[0][x], !after, !!after && !r[4] && r[2][x] !== undefined); });
      Object.keys(r[1]).forEach(function (x) { consider(x + w[1], r[1][x], !before, !!before && !r[5] && r[3][x] !== undefined); });
      return best && lookup(m, best[0]).then(function (e) { return e && [best[0], e]; });
    });
  }

  /** [term, entry] of the indexed term nearest to {@code word}, searched in its shard and the two beside it. */
  function nearest(m, word) {
    var max = word.length >= 9 ? 2 : 1, at = shardOf(m, word), ids = [at - 1, at, at + 1].filter(function (i) {
      return i >= 0 && i < m.shards.length;
    });
    return Promise.all(ids.map(function (i) { return shard(m, i); })).then(function (loaded) {
      var best = null;
      loaded.forEach(function (s) {
        s.list.forEach(function (t) {
          if (Math.abs(t.length - word.length) > max || /[^\p{L}\p{N}_]/u.test(t)) return;
          var d = distance(word, t, max);
          if (d <= max && (!best || d < best[2] || d === best[2] && s.terms[t].df > best[1].df)) best = [t, s.terms[t], d];
        });
      });
      return best;
    });
  }

  /** Damerau-Levenshtein distance of a and b (a swap of neighbours is one edit), or max + 1 once it is larger. */
  function distance(a, b, max) {
    var prev2 = null, prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur.push(v);
        low = Math.min(low, v);
      }
      if (low > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  function rank(m, cs, entries, long, lang, pairs) {
    var score = {}, covered = {}, required = 0, need = [];
    entries.forEach(function (list, n) {
      var strict = list.length > 0 && list.every(function (e) { return e[0].full; });
      if (strict) required++;
      need.push(strict);
      list.forEach(function (e) {
        for (var k = 0; k < e[0].docs.length; k++) {
          var d = e[0].docs[k];
          score[d] = (score[d] || 0) + e[0].imp[k] * e[1];
          (covered[d] = covered[d] || {})[n] = true;
        }
      });
    });
    (pairs || []).forEach(function (e) { // adds to the documents the words found; covers nothing by itself
      for (var k = 0; k < e.docs.length; k++) if (score[e.docs[k]] !== undefined) score[e.docs[k]] += e.imp[k];
    });
    function langOf(d) { for (var i = 0; i < m.langs.length; i++) if (d >= m.langs[i][1] && d < m.langs[i][2]) return m.langs[i][0]; }
    // one entry per article (its translations are m.articles ids apart): its best-scoring translation,
    // the reader's language winning a tie
    function hits(all) {
      var best = {};
      Object.keys(score).map(Number).filter(function (d) {
        if (all) for (var n = 0; n < cs.length; n++) if ((need[n] || !entries[n].length) && !covered[d][n]) return false;
        return true;
      }).forEach(function (d) {
        var cov = Object.keys(covered[d]).length / cs.length, a = d % m.articles;
        var h = { doc: d, article: a, lang: langOf(d), score: score[d] * (all ? 1 : cov * cov) };
        var b = best[a];
        if (!b || h.score > b.score || h.score === b.score && h.lang === lang && b.lang !== lang) best[a] = h;
      });
      return Object.keys(best).map(function (a) { return best[a]; })
        .sort(function (a, b) { return b.score - a.score || a.article - b.article; });
    }
    // an article with every word first, but one that matches most words in its title still competes
    if (long) return hits(false);
    var and = hits(true), inAll = {};
    and.forEach(function (h) { inAll[h.doc] = true; });
    if (!and.length) return hits(false);
    return hits(false).map(function (h) { return { doc: h.doc, article: h.article, lang: h.lang, score: h.score * (inAll[h.doc] ? 2 : 1) }; })
      .sort(function (a, b) { return b.score - a.score || a.article - b.article; });
  }

  // ---- excerpts
  // a function replacer: a string one would expand $&, $` and $' that the reader typed
  function fill(template, key, value) { return template.replace(key, function () { return value; }); }
  function esc(s) { return s.replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; }); }
  function needles(cs, query) {
    var n = [], runs = normalize(query).match(/[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+/g) || [];
    runs.forEach(function (r) { n.push(r); });
    cs.forEach(function (c) { n.push(c.text); c.parts.forEach(function (p) { if (p.length > 3 && p.indexOf("_") < 0) n.push(p); }); });
    return n.filter(function (x, i) { return x && x.length > 1 && !STOP[x] && n.indexOf(x) === i; });
  }
  // words too common to mark on their own: a pasted log or question is full of them
  var STOP = {};
  ("a an and are as at be but by for from has have if in into is it its of on or so that the their then there these " +
    "this to was were what when where which while who why will with not no can could should would you your i we " +
    "how do does did use using get my").split(" ").forEach(function (w) { STOP[w] = true; });
  var CJK_STOP = {};
  "为什 什么 怎么 么还 还要 如何 为何 是否 怎样 么办 么用 我的".split(" ").forEach(function (w) { CJK_STOP[w] = true; });
  // an ASCII word is highlighted only where it stands alone, not inside a longer word
  var ALNUM = /[a-z0-9_]/;
  function alone(text, at, len, s) {
    if (!ALNUM.test(s)) return true;
    return !(at > 0 && ALNUM.test(text[at - 1]) && ALNUM.test(s[0])) &&
      !(at + len < text.length && ALNUM.test(text[at + len]) && ALNUM.test(s[s.length - 1]));
  }
  // where the needles stand alone in text, overlapping ones merged
  function spans(text, ns) {
    var folded = lower(text), ranges = [], merged = [];
    ns.forEach(function (s) {
      for (var at = folded.indexOf(s); at >= 0 && ranges.length < 400; at = folded.indexOf(s, at + s.length)) {
        if (alone(folded, at, s.length, s)) ranges.push([at, at + s.length]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push(r.slice());
    });
    return merged;
  }
  // text[from, to) as HTML, the spans in it marked
  function markup(text, merged, from, to) {
    var html = "", at = from;
    merged.forEach(function (r) {
      if (r[1] <= from || r[0] >= to) return;
      var a = Math.max(r[0], at), b = Math.min(r[1], to);
      if (a < at) return;
      html += esc(text.slice(at, a)) + "<mark>" + esc(text.slice(a, b)) + "</mark>"; at = b;
    });
    return html + esc(text.slice(at, to));
  }
  // the reader's translation of the article when it has one; the matched one becomes the secondary link
  function present(m, hit, cs, query, lang) {
    return block(m, hit.doc).then(function (f) {
      var mine = m.langs.filter(function (l) { return l[0] === lang; })[0];
      if (!mine || f.l === lang || !f.o.some(function (o) { return o[0] === lang; })) return [f, null];
      return block(m, mine[1] + hit.article).then(function (g) { return [g, { lang: f.l, url: f.u }]; });
    }).then(function (pair) {
      var f = pair[0];
      var text = f.x, ns = needles(cs, query), merged = spans(text, ns);
      var best = 0, bestCount = -1, W = 160;
      merged.forEach(function (r, i) {
        var count = 0;
        for (var j = i; j < merged.length && merged[j][0] < r[0] + W; j++) count += merged[j][1] - merged[j][0];
        // words that appear in a citation (a Sources section) count for less than the section that explains them
        if (citing(f.h, r[0])) count *= 0.4;
        if (count > bestCount) { bestCount = count; best = r[0]; }
      });
      // the text is the summary and error strings, then a line per heading: the excerpt is the part the best
      // match is in; a heading is shown after the start of the summary, and the result links to it
      var line = -1;
      f.h.forEach(function (h, i) { if (h[1] <= best && merged.length) line = i; });
      var head = f.h.length ? Math.max(0, f.h[0][1] - 1) : text.length;
      var lo = line < 0 ? 0 : f.h[line][1], hi = line < 0 ? head : line + 1 < f.h.length ? f.h[line + 1][1] - 1 : text.length;
      var from = Math.max(lo, best - 40), to = Math.min(hi, from + W + 40);
      merged.forEach(function (r) { // never cut inside a highlight
        if (r[0] < from && r[1] > from && r[0] >= lo) from = r[0];
        if (r[0] < to && r[1] > to && r[1] <= hi) to = r[1];
      });
      var lead = text.slice(0, head), html = line < 0 ? "" : esc(lead.length > 90 ? lead.slice(0, 90) + "…" : lead) + (lead ? " › " : "");
      html += (from > lo ? "…" : "") + markup(text, merged, from, to) + (to < hi ? "…" : "");
      var anchor = line < 0 ? "" : "#" + encodeURIComponent(f.h[line][0]);
      return { url: f.u + anchor, title: f.t, titleHtml: markup(f.t, spans(f.t, ns), 0, f.t.length), lang: f.l, section: f.s,
        excerpt: html.replace(/\s+/g, " "), score: Math.round(hit.score * 100) / 100, alt: pair[1], marks: ns };
    });
  }

  window.casebookSearch = search;

  // ---- UI
  var form = document.querySelector("form.search"), input = form && form.querySelector("input[type=search]");
  if (!form || !input) return;
  var names = JSON.parse(form.getAttribute("data-lang-names") || "{}"), lang = form.getAttribute("data-lang");
  var box = form.querySelector(".search-results"), timer, selected = -1, seq = 0;
  // in the list under the box each link is itself an option, chosen with the arrow keys rather than Tab
  function item(r, i) {
    return "<a href=\"" + esc(marked(r.url, r.marks)) + "\"" + (i >= 0 ? " role=\"option\" id=\"search-result-" + i + "\" tabindex=\"-1\"" : "") + "><span class=\"result-title\">" + (r.titleHtml || esc(r.title)) + "</span> <span class=\"badge\" lang=\"" +
      esc(r.lang) + "\">" + esc(names[r.lang] || r.lang) + "</span> <span class=\"result-section\">" + esc(r.section) +
      "</span><span class=\"result-excerpt\" lang=\"" + esc(r.lang) + "\">" + r.excerpt + "</span></a>";
  }
  function list(results, el, empty, options) {
    el.innerHTML = results.length ? results.map(function (r, i) {
      // on the search page, the translation the words were found in is a second link
      var alt = r.alt ? " <a class=\"result-alt\" href=\"" + esc(r.alt.url) + "\" hreflang=\"" + esc(r.alt.lang) + "\" lang=\"" +
        esc(r.alt.lang) + "\">" + esc(names[r.alt.lang] || r.alt.lang) + "</a>" : "";
      return options ? "<li role=\"none\">" + item(r, i) + "</li>" : "<li>" + item(r, -1) + alt + "</li>";
    }).join("") : "<li class=\"empty\">" + esc(empty) + "</li>";
  }
  // the ARIA combobox pattern: the input owns the listbox and says which option is active
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  var count = document.createElement("p");
  count.className = "search-count";
  count.setAttribute("role", "status");
  form.appendChild(count);
  function show(open) {
    box.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) { select(-1); count.textContent = ""; }
  }
  function select(i) {
    var items = box.querySelectorAll("[role=option]");
    selected = items.length && i >= 0 ? i % items.length : -1;
    items.forEach(function (option, k) { option.setAttribute("aria-selected", k === selected ? "true" : "false"); });
    if (selected < 0) { input.removeAttribute("aria-activedescendant"); return; }
    input.setAttribute("aria-activedescendant", items[selected].id);
    items[selected].scrollIntoView({ block: "nearest" });
  }
  function choose(step) {
    var items = box.querySelectorAll("[role=option]");
    if (!items.length) return;
    select(selected < 0 ? (step > 0 ? 0 : items.length - 1) : (selected + step + items.length) % items.length);
  }
  // a pasted log keeps its lines: the box (an <input>, which drops line breaks) shows it on one line, and the
  // search, the search page's link and the form get the text as pasted, until the reader edits it
  var pasted = null, pastedShown = null;
  function oneLine(text) { return text.trim().replace(/\s*\n\s*/g, " ↵ "); }
  function keep(text) { pasted = text; input.value = oneLine(text); pastedShown = input.value; }
  function query() { return pasted !== null && input.value === pastedShown ? pasted.trim() : input.value.trim(); }
  input.addEventListener("paste", function (e) {
    var text = e.clipboardData && e.clipboardData.getData("text/plain");
    if (!text || !/\n/.test(text.trim())) return;
    e.preventDefault();
    keep(text);
    clearTimeout(timer);
    run();
  });
  form.addEventListener("submit", function () {
    if (pasted === null || input.value !== pastedShown) return;
    var lines = document.createElement("input"); // a hidden field keeps the line breaks the box cannot
    lines.type = "hidden";
    lines.name = input.name;
    lines.value = pasted;
    input.removeAttribute("name");
    form.appendChild(lines);
  });
  function run() {
    var q = query(), mine = ++seq;
    if (!q) { box.innerHTML = ""; show(false); return; }
    search(q, { lang: lang }).then(function (r) {
      if (mine !== seq) return;
      list(r, box, form.getAttribute("data-empty"), true);
      box.setAttribute("data-query", q); // which words these results answer
      var said = r.correction ? fill(form.getAttribute("data-correction") || "{q}", "{q}", r.correction) : "";
      box.setAttribute("data-correction", said); // shown above the options (CSS), said with the count
      show(true);
      select(-1);
      var counted = r.length === 1 ? form.getAttribute("data-count-one") : form.getAttribute("data-count");
      count.textContent = r.length ? (counted || "{n}").replace("{n}", r.length) + (said ? ". " + said : "") : "";
    });
  }
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      // a closed list opens again first: a hidden result is never chosen
      if (box.hidden) { if (input.value.trim() && box.querySelector("[role=option]")) show(true); return; }
      choose(e.key === "ArrowDown" ? 1 : -1);
    } else if (e.key === "Escape") {
      e.preventDefault(); // closes the list; the words stay (a search field would clear them)
      clearTimeout(timer);
      seq++; // results still on their way must not open it again
      show(false);
    } else if (e.key === "Enter" && selected >= 0 && !box.hidden) {
      e.preventDefault();
      var a = box.querySelectorAll("[role=option]")[selected];
      if (a) location.href = a.href;
    }
  });
  document.addEventListener("click", function (e) { if (!form.contains(e.target)) show(false); });
  var q = new URLSearchParams(location.search).get("q"), page = document.getElementById("search-page");
  if (q && /\n/.test(q.trim())) keep(q); else if (q) input.value = q;
  if (page && q) {
    search(q, { lang: lang, limit: 30 }).then(function (r) {
      list(r, page, form.getAttribute("data-empty"));
      // how many, for which words: {n} first, then the query, so nothing the reader typed is read as {n}
      var summary = document.getElementById("search-summary");
      if (summary) {
        var total = r.total || r.length;
        var said = summary.getAttribute(total === 1 ? "data-count-one" : total ? "data-count" : "data-none") || "{n}";
        summary.textContent = fill(fill(said, "{n}", String(total)), "{q}", q);
      }
      if (r.correction) {
        var note = document.createElement("p");
        note.className = "search-correction";
        note.textContent = fill(form.getAttribute("data-correction") || "{q}", "{q}", r.correction);
        page.parentNode.insertBefore(note, page);
      }
    });
  } else if (document.activeElement === input && input.value) run();
})();
