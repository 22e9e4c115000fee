/* Registers the explorer's service worker (sw.js, beside this file) so that the release is kept
 * for offline use, and relays a waiting new release to the page: `tie-update-ready` on window
 * when one is installed and waiting; the page answers with `tie-update-apply` (the visitor chose
 * to reload), which activates it and reloads once it controls the page. Nothing else. */
(() => {
  if (!('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  let reloading = false;
  const announce = (worker) => {
    window.tieUpdate = worker;
    window.dispatchEvent(new CustomEvent('tie-update-ready'));
  };
  window.addEventListener('tie-update-apply', () => {
    if (window.tieUpdate) window.tieUpdate.postMessage('tie:activate');
  });
  sw.addEventListener('controllerchange', () => {
    // Only a reload the visitor asked for: the first install takes control silently.
    if (window.tieUpdate && !reloading) {
      reloading = true;
      location.reload();
    }
  });
  // Once the page has loaded and the browser is idle: keeping the release for offline use
  // must not compete with the first visit's own loading.
  const idle = window.requestIdleCallback || ((f) => setTimeout(f, 1000));
  window.addEventListener('load', () => idle(() => {
    sw.register(new URL('sw.js', document.baseURI).href).then((registration) => {
      // A release already waiting (installed while another tab had the old one).
      if (registration.waiting && sw.controller) announce(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        if (!worker) return;
        worker.addEventListener('statechange', () => {
          if (worker.state === 'installed' && sw.controller) announce(worker);
        });
      });
      // Look for a new release now and then while the page stays open.
      setInterval(() => registration.update().catch(() => {}), 60 * 60 * 1000);
    }).catch(() => {});
  }, { timeout: 5000 }));
})();
