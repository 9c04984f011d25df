// ReadyPlan plan and wallet-card pages: the Print buttons (no inline handlers: the CSP allows none).
(() => {
  for (const button of document.querySelectorAll('[data-print]')) {
    button.addEventListener('click', () => window.print());
  }
})();
