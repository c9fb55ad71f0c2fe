// The method card's print button (no inline script: CSP is script-src 'self').
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
