// Live coaching while typing: the question and pitch coaches, the questions of a conversation
// being logged, and extra rows for needs and follow-ups. Everything also works without this
// file: the coach forms submit, and the conversation page judges each question when saved.

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function tag(text, tone) {
  return el("span", { class: tone ? `tag ${tone}` : "tag" }, text);
}

async function judge(api, csrf, text) {
  const r = await fetch(api, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", "x-csrf-token": csrf },
    body: JSON.stringify({ text }),
  });
  if (!r.ok) throw new Error(`coach answered ${r.status}`);
  return r.json();
}

function list(items, render = (x) => x) {
  return el("ul", { class: "reasons" }, ...items.map((x) => el("li", {}, render(x))));
}

function questionVerdict(v) {
  const labels = el("p", { class: "labels" },
    v.open ? tag("Open", "good") : tag("Closed", "warn"), " ",
    tag(v.about, v.about === "About you" ? "warn" : v.about === "About them" ? "good" : ""), " ",
    v.leading ? tag("Leading", "warn") : tag("Neutral wording", "good"));
  if (v.blaming) labels.append(" ", tag("Sounds like blame", "warn"));
  if (v.multiple) labels.append(" ", tag(`${v.question_count} questions at once`, "warn"));
  const lead = v.reword ? "Try instead:" : "Good question. Another open one:";
  return [
    labels,
    el("p", { class: "reframe" }, el("strong", {}, lead), ` “${v.reframe}”`),
    el("h3", {}, "Why"), list(v.reasons),
    el("h3", {}, "Tips"), list(v.suggestions),
  ];
}

function pitchVerdict(v) {
  const self = Math.round(v.self_share * 100);
  const customer = Math.round(v.customer_share * 100);
  const label = { customer: "Leads with the customer and the business", self: "Mostly about you", balanced: "A mix of both", empty: "Nothing to weigh yet" }[v.label];
  const labels = el("p", { class: "labels" }, tag(label, self > 50 || v.label === "empty" ? "warn" : "good"));
  if (v.leads_with_self) labels.append(" ", tag("Starts with you", "warn"));
  const out = [labels];
  if (v.label !== "empty") {
    out.push(el("p", {}, el("strong", {}, `${customer}%`), " about the customer and the business · ", el("strong", {}, `${self}%`), " about you"));
  }
  if (v.suggested_opening) {
    out.push(el("p", { class: "reframe" }, el("strong", {}, "Suggested opening:"), ` “${v.suggested_opening}”`));
  }
  if (v.phrases_to_reconsider.length) {
    out.push(el("h3", {}, "Phrases to reconsider"),
      list(v.phrases_to_reconsider, (p) => el("span", {}, el("strong", {}, `“${p.text}”`), `: ${p.reason} ${p.suggestion}`)));
  }
  out.push(el("h3", {}, "Why"), list(v.reasons));
  return out;
}

function setUpCoach(form) {
  const input = form.querySelector("textarea");
  const result = document.querySelector("[data-coach-result]");
  const render = form.dataset.coach === "pitch" ? pitchVerdict : questionVerdict;
  if (!input || !result) return;
  let timer = null;
  let seq = 0;
  const run = async () => {
    const text = input.value;
    if (!text.trim()) return;
    const mine = ++seq;
    try {
      const v = await judge(form.dataset.api, form.dataset.csrf, text);
      if (mine === seq) result.replaceChildren(...render(v));
    } catch {
      // Keep the last verdict; the form still submits.
    }
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 300);
  });
  form.classList.add("enhanced");
  // Text typed before this module loaded is judged straight away.
  if (input.value.trim() && !result.querySelector(".labels")) run();
}

function setUpLines(area) {
  const result = document.querySelector("[data-coach-lines-result]");
  const csrf = area.form.querySelector("input[name=csrf]").value;
  if (!result) return;
  let timer = null;
  let seq = 0;
  area.form.classList.add("enhanced");
  area.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const lines = area.value.split("\n").map((l) => l.trim()).filter(Boolean).slice(0, 10);
      const mine = ++seq;
      try {
        const verdicts = await Promise.all(lines.map((l) => judge("/api/v1/coach/question", csrf, l)));
        if (mine !== seq) return;
        const items = verdicts.map((v, i) => {
          const li = el("li", {}, el("span", { class: "question" }, `“${lines[i]}” `),
            v.open ? tag("Open", "good") : tag("Closed", "warn"), " ", tag(v.about, v.about === "About you" ? "warn" : ""));
          if (v.reword) li.append(el("span", { class: "reframe" }, ` Try: “${v.reframe}”`));
          return li;
        });
        result.replaceChildren(...(items.length ? [el("p", { class: "hint" }, "The coach says:"), el("ul", { class: "coach-list" }, ...items)] : []));
      } catch {
        result.replaceChildren();
      }
    }, 400);
  });
}

function setUpRows(fieldset) {
  const button = el("button", { type: "button", class: "secondary" }, "Add another row");
  button.addEventListener("click", () => {
    const rows = fieldset.querySelectorAll("[data-row]");
    const last = rows[rows.length - 1];
    const copy = last.cloneNode(true);
    const n = rows.length + 1;
    for (const field of copy.querySelectorAll("input, select")) {
      field.id = field.id.replace(/-\d+$/, `-${n}`);
      if (field.tagName === "SELECT") field.selectedIndex = 0;
      else field.value = "";
    }
    for (const label of copy.querySelectorAll("label")) {
      label.htmlFor = label.htmlFor.replace(/-\d+$/, `-${n}`);
      // Renumber the label's own text and its screen-reader suffix, keeping the markup.
      for (const node of [label, ...label.querySelectorAll("span")]) {
        for (const text of node.childNodes) {
          if (text.nodeType === Node.TEXT_NODE) text.textContent = text.textContent.replace(/\d+$/, String(n));
        }
      }
    }
    last.after(copy);
    copy.querySelector("input").focus();
  });
  fieldset.append(button);
}

for (const form of document.querySelectorAll("form[data-coach]")) setUpCoach(form);
for (const area of document.querySelectorAll("textarea[data-coach-lines]")) setUpLines(area);
for (const fieldset of document.querySelectorAll("fieldset[data-rows]")) setUpRows(fieldset);
