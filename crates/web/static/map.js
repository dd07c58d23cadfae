// Zoom and pan for the career map picture; without this file the map and its list still work.
for (const fig of document.querySelectorAll("[data-map]")) {
  const svg = fig.querySelector("svg");
  const tools = fig.querySelector(".map-tools");
  if (!svg || !tools) continue;
  tools.hidden = false;
  const start = svg.viewBox.baseVal;
  let view = { x: start.x, y: start.y, w: start.width, h: start.height };
  const initial = { ...view };
  const apply = () => svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
  const zoom = (f) => {
    const cx = view.x + view.w / 2, cy = view.y + view.h / 2;
    view.w = Math.min(initial.w * 2, Math.max(initial.w / 4, view.w * f));
    view.h = view.w * initial.h / initial.w;
    view.x = cx - view.w / 2; view.y = cy - view.h / 2;
    apply();
  };
  tools.addEventListener("click", (e) => {
    const b = e.target.closest("button[data-zoom]");
    if (!b) return;
    if (b.dataset.zoom === "in") zoom(0.8);
    else if (b.dataset.zoom === "out") zoom(1.25);
    else { view = { ...initial }; apply(); }
  });
  let drag = null;
  svg.addEventListener("pointerdown", (e) => {
    if (e.target.closest("a")) return;
    drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y };
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const scale = view.w / svg.clientWidth;
    view.x = drag.vx - (e.clientX - drag.x) * scale;
    view.y = drag.vy - (e.clientY - drag.y) * scale;
    apply();
  });
  svg.addEventListener("pointerup", () => { drag = null; });
}
