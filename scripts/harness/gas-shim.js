// The harness's stand-in for what HtmlService injects into a real sidebar: google.script.run, bridged to
// the emulator over HTTP. It exists only in the local harness, never in the shipped Sidebar.html.
(function () {
  'use strict';
  // As in Apps Script, a page runs at most 10 calls at once; the rest wait their turn, in order.
  const CALLS_AT_ONCE = 10;
  const waiting = [];
  let running = 0;
  function next() {
    while (running < CALLS_AT_ONCE && waiting.length > 0) {
      running += 1;
      waiting
        .shift()()
        .finally(() => {
          running -= 1;
          next();
        });
    }
  }
  function call(send) {
    waiting.push(send);
    next();
  }
  function runner(success, failure, userObject) {
    const base = {
      withSuccessHandler: (handler) => runner(handler, failure, userObject),
      withFailureHandler: (handler) => runner(success, handler, userObject),
      withUserObject: (value) => runner(success, failure, value),
    };
    return new Proxy(base, {
      get(target, name) {
        if (name in target) return target[name];
        if (typeof name !== 'string') return undefined;
        return (...args) => {
          call(() =>
            fetch('/rpc', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ name, args }),
            })
              .then((response) => response.json())
              .then((answer) => {
                if (answer.ok) {
                  if (success) success(answer.value, userObject);
                } else if (failure) {
                  failure(Object.assign(new Error(answer.message), { name: answer.name }), userObject);
                }
              })
              .catch((error) => {
                if (failure) failure(error, userObject);
              }),
          );
          window.parent.postMessage({ type: 'rpc', name }, window.location.origin);
        };
      },
    });
  }
  // Links to Google Drive (the batch folder, the outputs) cannot open the real Drive from here: the
  // harness page shows them in its emulated Drive browser instead.
  document.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!link || !/^https:\/\/(drive|docs)\.google\.com\//.test(link.href)) return;
      event.preventDefault();
      window.parent.postMessage({ type: 'open-drive', url: link.href }, window.location.origin);
    },
    true,
  );
  window.google = {
    script: {
      run: runner(null, null, undefined),
      host: { close() {}, setHeight() {}, setWidth() {}, editor: { focus() {} } },
    },
  };
})();
