// Applies the reader's saved colour theme before the page paints (no flash of the wrong theme).
(function () {
  try {
    var t = localStorage.getItem('socknotes-theme');
    if (t === 'light' || t === 'dark') { document.documentElement.setAttribute('data-theme', t); }
  } catch (e) { /* storage unavailable under file:// in some browsers: keep the system theme */ }
})();
