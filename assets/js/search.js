// Offline search for socknotes. The index (search-index.js, built by SearchIndex.java) is loaded
// on first use by a script tag, which works from file:// where fetch() of JSON does not.
// Queries are tokenized exactly like the index: lower-case words (identifiers also split at '_'),
// Han characters as unigrams and bigrams, so Chinese needs no word segmentation.
(function () {
  'use strict';
  var script = document.currentScript;
  var root = script.src.replace(/js\/search\.js(\?.*)?$/, '');
  var pageLang = (document.documentElement.getAttribute('lang') || 'en').indexOf('zh') === 0 ? 'zh' : 'en';
  var han = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

  function tokenize(text) {
    var out = [], word = '', hanRun = [];
    function flushWord() {
      if (!word) { return; }
      out.push(word);
      if (word.indexOf('_') >= 0) { word.split('_').forEach(function (p) { if (p) { out.push(p); } }); }
      word = '';
    }
    function flushHan() {
      for (var i = 0; i < hanRun.length; i++) {
        out.push(hanRun[i]);
        if (i + 1 < hanRun.length) { out.push(hanRun[i] + hanRun[i + 1]); }
      }
      hanRun = [];
    }
    Array.from(text.toLowerCase()).forEach(function (ch) {
      if (han.test(ch)) { flushWord(); hanRun.push(ch); }
      else if (/[\p{L}\p{N}_]/u.test(ch)) { flushHan(); word += ch; }
      else { flushWord(); flushHan(); }
    });
    flushWord(); flushHan();
    return out;
  }

  // Terms that must all match: whole words, and each Han run as its bigrams (a lone Han
  // character as itself), so a Chinese phrase matches where its characters stand together.
  function queryTerms(q) {
    var terms = [];
    function add(t) { if (terms.indexOf(t) < 0) { terms.push(t); } }
    q.toLowerCase().split(/[^\p{L}\p{N}_]+/u).forEach(function (part) {
      var run = [], word = '';
      function flushRun() {
        if (run.length === 1) { add(run[0]); }
        for (var i = 0; i + 1 < run.length; i++) { add(run[i] + run[i + 1]); }
        run = [];
      }
      Array.from(part).forEach(function (ch) {
        if (han.test(ch)) { if (word) { add(word); word = ''; } run.push(ch); }
        else { flushRun(); word += ch; }
      });
      flushRun();
      if (word) { add(word); }
    });
    return terms;
  }

  function search(data, q) {
    var terms = queryTerms(q), n = data.docs.length, scores = null;
    if (!terms.length) { return []; }
    terms.forEach(function (t, i) {
      var postings = data.index[t] || [];
      if (!postings.length && i === terms.length - 1 && !han.test(t)) {
        // The last word may be unfinished: accept any indexed word it starts.
        Object.keys(data.index).forEach(function (k) {
          if (k.indexOf(t) === 0) { postings = postings.concat(data.index[k]); }
        });
      }
      var idf = Math.log(1 + n / (1 + postings.length / 2));
      var next = {};
      for (var j = 0; j < postings.length; j += 2) {
        var doc = postings[j], tf = postings[j + 1];
        if (scores === null || scores[doc] !== undefined) {
          next[doc] = (next[doc] || 0) + (scores === null ? 0 : scores[doc]) + tf * idf;
        }
      }
      scores = next;
    });
    return Object.keys(scores).map(function (d) {
      var doc = data.docs[d];
      return { doc: doc, score: scores[d] * (doc.lang === pageLang ? 2 : 1) };
    }).sort(function (a, b) {
      return b.score - a.score || (a.doc.url < b.doc.url ? -1 : 1);
    }).slice(0, 20);
  }

  function passage(text, q) {
    var lower = text.toLowerCase(), needle = q.trim().toLowerCase(), at = lower.indexOf(needle);
    if (at < 0) {
      var first = queryTerms(q)[0] || '';
      at = Math.max(0, lower.indexOf(first));
      needle = first;
    }
    var start = Math.max(0, at - 50), end = Math.min(text.length, at + needle.length + 80);
    return { before: (start > 0 ? '…' : '') + text.slice(start, at), hit: text.slice(at, at + needle.length),
             after: text.slice(at + needle.length, end) + (end < text.length ? '…' : '') };
  }

  function render(list, results, q) {
    list.textContent = '';
    list.setAttribute('data-query', q); // which query the list shows (the browser tests wait for it)
    if (!results.length) {
      var none = document.createElement('li');
      none.className = 'search-none';
      none.textContent = list.getAttribute('data-none') || 'No results';
      list.appendChild(none);
      return;
    }
    results.forEach(function (r) {
      var li = document.createElement('li'), a = document.createElement('a');
      a.href = root + r.doc.url;
      var title = document.createElement('span');
      title.className = 'search-title';
      title.textContent = r.doc.title + (r.doc.heading ? ' › ' + r.doc.heading : '');
      var lang = document.createElement('span');
      lang.className = 'search-lang';
      lang.textContent = r.doc.lang === 'zh' ? '中文' : 'EN';
      var p = passage(r.doc.text, q), snip = document.createElement('span'), mark = document.createElement('mark');
      snip.className = 'search-passage';
      mark.textContent = p.hit;
      snip.appendChild(document.createTextNode(p.before));
      snip.appendChild(mark);
      snip.appendChild(document.createTextNode(p.after));
      a.appendChild(lang); a.appendChild(title); a.appendChild(snip);
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  function withIndex(callback) {
    if (window.SOCKNOTES_SEARCH) { callback(window.SOCKNOTES_SEARCH); return; }
    var s = document.createElement('script');
    s.src = root + 'search-index.js';
    s.onload = function () { callback(window.SOCKNOTES_SEARCH); };
    document.head.appendChild(s);
  }

  function init() {
    var input = document.getElementById('search-input'), list = document.getElementById('search-results');
    if (!input || !list) { return; }
    var timer = null;
    function run() {
      var q = input.value;
      if (!q.trim()) { list.textContent = ''; list.hidden = true; return; }
      withIndex(function (data) { render(list, search(data, q), q); list.hidden = false; });
    }
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    input.addEventListener('focus', function () { withIndex(function () {}); });
    var form = input.form;
    if (form) { form.addEventListener('submit', function (e) { e.preventDefault(); run(); }); }
    var params = new URLSearchParams(location.search);
    if (params.get('q')) { input.value = params.get('q'); run(); }
  }

  window.socknotesSearch = { tokenize: tokenize, search: search };
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
