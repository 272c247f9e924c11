// casebook serve: reloads the page when the site is rebuilt, keeping the scroll position, and
// shows build problems over the last good page until they are fixed. Served only by the preview.
(function () {
  'use strict';
  var script = document.currentScript;
  var served = Number(script.getAttribute('data-version'));
  var key = 'casebook-scroll:' + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.scrollTo(0, Number(saved));
  }
  var zh = (document.documentElement.lang || '').indexOf('zh') === 0;
  var text = zh
    ? { title: '构建出错', note: '修好后页面会自动刷新；下面仍是上一次成功构建的页面。', hint: '建议：' }
    : { title: 'Build error', note: 'The page reloads once this is fixed; underneath is the last good build.', hint: 'hint: ' };
  var overlay = null;

  function el(tag, className, content) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (content !== undefined) { e.textContent = content; } // content is text, never HTML
    return e;
  }

  function show(data) {
    hide();
    overlay = el('div', 'casebook-overlay');
    overlay.id = 'casebook-overlay';
    overlay.setAttribute('role', 'alert');
    overlay.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;' +
      'background:#1b1f24;color:#f0f3f6;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;' +
      'padding:1rem 1.25rem;border-top:4px solid #ff6a69;box-shadow:0 -4px 16px rgba(0,0,0,.4)';
    var title = el('p', 'casebook-overlay-title', text.title);
    title.style.cssText = 'margin:0 0 .25rem;font-weight:700;color:#ff9492';
    overlay.appendChild(title);
    var note = el('p', '', text.note);
    note.style.cssText = 'margin:0 0 .75rem;color:#c9d1d9';
    overlay.appendChild(note);
    var list = el('ul');
    list.style.cssText = 'margin:0;padding:0;list-style:none';
    data.problems.forEach(function (p) {
      var item = el('li', 'casebook-problem');
      item.style.cssText = 'margin:0 0 .75rem';
      var where = el('code', 'casebook-where', p.file + ':' + p.line + ':' + p.column);
      where.style.color = '#79c0ff';
      item.appendChild(where);
      // a Chinese page shows the Chinese wording where the preview sent one; the id is the same
      var words = zh && p.zh ? p.zh : p;
      item.appendChild(el('span', 'casebook-message', ': ' + p.severity + '[' + p.id + ']: ' + words.message));
      if (words.hint) {
        var hint = el('div', 'casebook-hint', text.hint + words.hint);
        hint.style.cssText = 'color:#c9d1d9;padding-left:1.5rem';
        item.appendChild(hint);
      }
      list.appendChild(item);
    });
    overlay.appendChild(list);
    document.body.appendChild(overlay);
  }

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  var events = new EventSource(script.getAttribute('data-events'));
  events.addEventListener('version', function (e) {
    hide();
    if (Number(e.data) > served) {
      sessionStorage.setItem(key, String(window.scrollY));
      location.reload();
    }
  });
  events.addEventListener('problems', function (e) {
    show(JSON.parse(e.data));
  });
})();
