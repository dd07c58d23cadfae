// The opportunity board: drag a card to another column to move it. Without this file, each
// card's stage selector does the same through an ordinary form post.
const board = document.querySelector("[data-board]");
if (board) {
  const csrf = board.dataset.csrf;
  const status = document.querySelector("[data-board-status]");
  const say = (text) => {
    status.hidden = false;
    status.textContent = text;
  };
  let dragged = null;
  for (const card of board.querySelectorAll("[data-card]")) {
    card.addEventListener("dragstart", (e) => {
      dragged = card;
      e.dataTransfer.setData("text/plain", card.dataset.card);
      card.classList.add("dragging");
    });
    card.addEventListener("dragend", () => card.classList.remove("dragging"));
  }
  for (const col of board.querySelectorAll("[data-stage]")) {
    col.addEventListener("dragover", (e) => {
      e.preventDefault();
      col.classList.add("drop");
    });
    col.addEventListener("dragleave", () => col.classList.remove("drop"));
    col.addEventListener("drop", async (e) => {
      e.preventDefault();
      col.classList.remove("drop");
      const card = dragged;
      dragged = null;
      if (!card || card.closest("[data-stage]") === col) return;
      const reasonInput = card.querySelector("input[name=reason]");
      const resp = await fetch(`/api/v1/opportunities/${card.dataset.card}/move`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({ stage: col.dataset.stage, reason: reasonInput ? reasonInput.value : "" }),
      });
      const body = await resp.json().catch(() => ({}));
      if (!resp.ok) {
        const fields = body.fields || {};
        say(fields.stage || fields.reason || body.message || "That move did not work.");
        if (fields.reason && reasonInput) reasonInput.focus();
        return;
      }
      col.querySelector("ul").appendChild(card);
      const select = card.querySelector("select[name=stage]");
      if (select) select.value = col.dataset.stage;
      if (reasonInput) reasonInput.value = "";
      say(`Moved to ${col.querySelector("h2").firstChild.textContent.trim()}.`);
    });
  }
}
