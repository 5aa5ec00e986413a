// Page behaviour: syntax highlighting, copy buttons on code, scrollable code reachable by keyboard,
// the theme switch (token colours follow the theme through CSS variables).
(function () {
  if (window.hljs) {
    document.querySelectorAll('pre code.language-java').forEach(function (el) { window.hljs.highlightElement(el); });
  }
  var copyLabel = document.documentElement.lang === 'zh-Hans' ? '复制' : 'Copy';
  var copiedLabel = document.documentElement.lang === 'zh-Hans' ? '已复制' : 'Copied';
  document.querySelectorAll('pre.snippet-code').forEach(function (pre) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'copy';
    b.textContent = copyLabel;
    b.addEventListener('click', function () {
      var text = pre.innerText;
      var done = function () { b.textContent = copiedLabel; setTimeout(function () { b.textContent = copyLabel; }, 1500); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () {});
      } else {
        var ta = document.createElement('textarea');
        ta.value = text; document.body.appendChild(ta); ta.select();
        try { document.execCommand('copy'); done(); } catch (e) { /* nothing to do */ }
        document.body.removeChild(ta);
      }
    });
    pre.parentNode.insertBefore(b, pre);
  });
  // A code block wider than the page scrolls sideways; keyboard users reach it with Tab.
  function focusableWhenScrolling() {
    document.querySelectorAll('pre').forEach(function (pre) {
      if (pre.scrollWidth > pre.clientWidth) { pre.tabIndex = 0; } else { pre.removeAttribute('tabindex'); }
    });
  }
  focusableWhenScrolling();
  window.addEventListener('resize', focusableWhenScrolling);
  // The language switch lands on the same section: both languages share heading ids.
  document.querySelectorAll('.lang-switch a').forEach(function (a) {
    a.addEventListener('click', function () {
      if (location.hash && a.href.indexOf('#') < 0) { a.href = a.href + location.hash; }
    });
  });
  var toggle = document.getElementById('theme-toggle');
  if (toggle) {
    toggle.addEventListener('click', function () {
      var root = document.documentElement;
      var dark = root.getAttribute('data-theme') === 'dark' ||
        (!root.getAttribute('data-theme') && window.matchMedia('(prefers-color-scheme: dark)').matches);
      var next = dark ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try { localStorage.setItem('socknotes-theme', next); } catch (e) { /* not persisted */ }
    });
  }
})();
