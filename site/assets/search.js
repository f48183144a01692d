// Search with Pagefind's interface. The plain form (which cannot search without JavaScript) and
// the note about it step aside; a query in the address (?q=…, from that form) is searched at once.
(() => {
  const target = document.querySelector('[data-search-ui]');
  if (!target || typeof window.PagefindUI !== 'function') return;
  const ui = new window.PagefindUI({
    element: '#search-results',
    bundlePath: target.dataset.bundlePath,
    baseUrl: target.dataset.baseUrl,
    showSubResults: true,
    showImages: false,
    autofocus: true,
  });
  for (const el of document.querySelectorAll('[data-search-form], [data-no-js-note]')) el.hidden = true;
  const query = new URLSearchParams(location.search).get('q');
  if (query) ui.triggerSearch(query);
})();
