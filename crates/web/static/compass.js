// The compass: reorder the four factors by drag, by keyboard or with the arrow buttons, and
// save through the JSON API; type-ahead suggestions for skills, roles and people.
// Without this file every form still works (the arrow buttons submit the form).

const ORDINALS = ["1st", "2nd", "3rd", "4th"];

function csrfOf(form) {
  const input = form.querySelector("input[name=csrf]");
  return input ? input.value : "";
}

function setUpRanking(form) {
  const list = form.querySelector("[data-ranking]");
  const status = form.querySelector("[data-rank-status]");
  if (!list || !status) return;
  const items = () => [...list.querySelectorAll("li[data-factor]")];
  let timer = null;

  function refresh() {
    const all = items();
    all.forEach((li, i) => {
      li.querySelector(".rank-num").textContent = String(i + 1);
      li.querySelector("button[data-move=up]").disabled = i === 0;
      li.querySelector("button[data-move=down]").disabled = i === all.length - 1;
    });
  }

  async function save(message) {
    status.textContent = message;
    const ranking = items().map((li) => li.dataset.factor);
    const met = {};
    for (const li of items()) met[li.dataset.factor] = li.querySelector("select").value;
    try {
      const r = await fetch("/api/v1/compass/factors", {
        method: "PUT",
        credentials: "same-origin",
        headers: { "content-type": "application/json", "x-csrf-token": csrfOf(form) },
        body: JSON.stringify({ ranking, met }),
      });
      status.textContent = r.ok ? `${message} Saved.` : "Could not save. Press Save to try again.";
    } catch {
      status.textContent = "Could not save. Press Save to try again.";
    }
  }

  function saveSoon(message) {
    clearTimeout(timer);
    timer = setTimeout(() => save(message), 250);
  }

  function move(li, up) {
    const other = up ? li.previousElementSibling : li.nextElementSibling;
    if (!other) return false;
    if (up) list.insertBefore(li, other);
    else list.insertBefore(other, li);
    refresh();
    return true;
  }

  const moved = (li) => `${li.dataset.label} is now ${ORDINALS[items().indexOf(li)]}.`;

  form.addEventListener("click", (e) => {
    const button = e.target.closest("button[data-move]");
    if (!button) return;
    e.preventDefault();
    const li = button.closest("li");
    if (!move(li, button.dataset.move === "up")) return;
    // Keep focus on the item: on the same button, or its twin when this one is now disabled.
    const twin = li.querySelector(`button[data-move=${button.dataset.move === "up" ? "down" : "up"}]`);
    (button.disabled ? twin : button).focus();
    saveSoon(moved(li));
  });

  list.addEventListener("keydown", (e) => {
    if (!e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
    const li = e.target.closest("li[data-factor]");
    if (!li) return;
    e.preventDefault();
    if (move(li, e.key === "ArrowUp")) {
      e.target.focus();
      saveSoon(moved(li));
    }
  });

  list.addEventListener("change", (e) => {
    const select = e.target.closest("select");
    if (!select) return;
    const li = select.closest("li");
    saveSoon(`${li.dataset.label}: ${select.options[select.selectedIndex].text}.`);
  });

  // Drag by the handle: arm on pointer down so selects and buttons keep working normally.
  let dragged = null;
  let armed = false;
  for (const li of items()) li.draggable = true;
  list.addEventListener("pointerdown", (e) => { armed = !!e.target.closest(".rank-handle"); });
  list.addEventListener("dragstart", (e) => {
    const li = e.target.closest("li[data-factor]");
    if (!armed || !li) { e.preventDefault(); return; }
    dragged = li;
    li.classList.add("dragging");
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", li.dataset.factor);
  });
  list.addEventListener("dragover", (e) => {
    if (!dragged) return;
    e.preventDefault();
    const over = e.target.closest("li[data-factor]");
    if (!over || over === dragged) return;
    const box = over.getBoundingClientRect();
    list.insertBefore(dragged, e.clientY > box.top + box.height / 2 ? over.nextElementSibling : over);
    refresh();
  });
  list.addEventListener("drop", (e) => e.preventDefault());
  list.addEventListener("dragend", () => {
    if (!dragged) return;
    dragged.classList.remove("dragging");
    saveSoon(moved(dragged));
    dragged = null;
    armed = false;
  });
  form.classList.add("enhanced");
  form.querySelector("#rank-help").textContent =
    "Use the arrow buttons, press Alt and the up or down arrow key inside a factor, or drag a factor by its handle. Changes are saved as you go.";
}

// Type-ahead: fill a datalist from an API search; remember ids so the form can send them.
const SOURCES = {
  "/api/v1/skills": (item) => ({ value: item.label, id: item.id, hint: item.kind }),
  "/api/v1/roles": (item) => ({ value: item.title, id: item.code, hint: item.family }),
  "/api/v1/people": (item) => ({ value: item.name, id: item.id, hint: item.job_title }),
};

function setUpTypeahead(input) {
  const url = input.dataset.typeahead;
  const shape = SOURCES[url];
  const list = document.getElementById(input.getAttribute("list"));
  const idField = input.dataset.typeaheadId ? input.form.querySelector(`input[name=${input.dataset.typeaheadId}]`) : null;
  if (!shape || !list) return;
  const ids = new Map();
  let timer = null;
  let seq = 0;
  input.addEventListener("input", () => {
    if (idField) idField.value = ids.get(input.value) ?? "";
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(async () => {
      const mine = ++seq;
      try {
        const param = url === "/api/v1/people" ? "per_page" : "limit";
        const r = await fetch(`${url}?q=${encodeURIComponent(q)}&${param}=8`, { credentials: "same-origin" });
        if (!r.ok || mine !== seq) return;
        const body = await r.json();
        list.replaceChildren();
        for (const item of body.items ?? []) {
          const s = shape(item);
          ids.set(s.value, s.id);
          const option = document.createElement("option");
          option.value = s.value;
          if (s.hint) option.label = s.hint;
          list.append(option);
        }
        if (idField) idField.value = ids.get(input.value) ?? "";
      } catch {
        // Suggestions are a convenience; typing the full name still works.
      }
    }, 200);
  });
}

const rankForm = document.querySelector("[data-rank-form]");
if (rankForm) setUpRanking(rankForm);
for (const input of document.querySelectorAll("input[data-typeahead]")) setUpTypeahead(input);
