// ReadyPlan plan and wallet-card pages: the Print buttons (no inline handlers: the CSP allows none), and
// folded groups opened for printing so paper shows everything, then folded again as they were.
(() => {
  for (const button of document.querySelectorAll('[data-print]')) {
    button.addEventListener('click', () => window.print());
  }
  let opened = [];
  window.addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll('main details:not([open])')];
    for (const details of opened) details.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
})();
