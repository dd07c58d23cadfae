// Small progressive enhancements; every page works without this file.

// Select the text of a one-time secret when it is clicked, so it is easy to copy.
for (const el of document.querySelectorAll("code.secret")) {
  el.tabIndex = 0;
  el.addEventListener("click", () => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  });
}

// Load the map's zoom and pan only where there is a map.
if (document.querySelector("[data-map]")) import("./map.js");
