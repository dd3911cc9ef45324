// Small behaviours that need JavaScript; the pages work without it.
"use strict";

// The page knows JavaScript runs: the phone menu folds only then (css/app.css).
document.documentElement.classList.add("js");

// «Danh mục» opens and closes the menu on a phone, and says which it is to screen readers.
document.addEventListener("click", (event) => {
  const toggle = event.target.closest && event.target.closest(".menu-toggle");
  if (!toggle) {
    return;
  }
  const menu = document.getElementById(toggle.getAttribute("aria-controls"));
  const open = menu.classList.toggle("open");
  toggle.setAttribute("aria-expanded", open ? "true" : "false");
});

// Forms marked data-confirm ask before they are sent (removing a member, for instance).
document.addEventListener("submit", (event) => {
  const message = event.target.dataset && event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// An htmx request that fails server-side shows a message instead of silently doing nothing.
document.addEventListener("htmx:responseError", (event) => {
  const status = event.detail.xhr.status;
  const text = status === 404
    ? "Không tìm thấy dữ liệu, hoặc dữ liệu nằm ngoài phạm vi của bạn."
    : "Không thực hiện được yêu cầu (mã " + status + "). Xin tải lại trang.";
  window.alert(text);
});

// A button marked data-print prints the page (reports' printable pages).
document.addEventListener("click", (event) => {
  if (event.target.closest && event.target.closest("[data-print]")) {
    window.print();
  }
});

// A search-as-you-type choice (core.forms.SearchChoice): choosing a suggestion puts its id
// in the hidden field and its name in the box; clearing the box clears the choice.
document.addEventListener("click", (event) => {
  const option = event.target.closest && event.target.closest("[data-choose]");
  if (!option) return;
  const chooser = option.closest("[data-chooser]");
  chooser.querySelector("input[type=hidden]").value = option.dataset.choose;
  chooser.querySelector("input[type=search]").value = option.dataset.label;
  chooser.querySelector(".chooser-options").replaceChildren();
});
document.addEventListener("input", (event) => {
  const chooser = event.target.closest && event.target.closest("[data-chooser]");
  if (chooser && event.target.type === "search" && !event.target.value) {
    chooser.querySelector("input[type=hidden]").value = "";
  }
});

// The tree picker (units.widgets.UnitTree): one button ticks every unit of its level, and
// the count of ticked units follows every change.
function countTicked(tree) {
  const count = tree.querySelector("[data-ticked-count]");
  const ticked = new Set();
  tree.querySelectorAll("input[type=checkbox]:checked").forEach((box) => ticked.add(box.value));
  if (count) count.textContent = ticked.size;
}
document.addEventListener("click", (event) => {
  const button = event.target.closest && event.target.closest("[data-tick-level]");
  if (!button) return;
  const level = button.closest("ul");
  for (const item of level.children) {
    const box = item.querySelector(":scope > label > input[type=checkbox]");
    if (box && !box.disabled) box.checked = true;
  }
  countTicked(button.closest("[data-unit-tree]"));
});
// «Đánh dấu: Xã (95)» ticks the root's children of that kind; a cluster's button its members.
document.addEventListener("click", (event) => {
  const button = event.target.closest && event.target.closest("[data-tick-kind], [data-tick-units]");
  if (!button) return;
  const tree = button.closest("[data-unit-tree]");
  const top = tree.querySelector(":scope > .unit-tree-level");
  if (!top) return; // a root without children in force shows no list
  const ids = (button.dataset.tickUnits || "").split(" ");
  for (const item of top.children) {
    const box = item.querySelector(":scope > label > input[type=checkbox]");
    const wanted = button.dataset.tickKind
      ? item.dataset.kind === button.dataset.tickKind
      : ids.includes(box && box.value);
    if (box && !box.disabled && wanted) box.checked = true;
  }
  countTicked(tree);
});
// Enter in the picker's search box searches at once; it must not send the whole form.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Enter" || !event.target.matches || !event.target.matches("[data-unit-tree] input[type=search]")) return;
  event.preventDefault();
  event.target.dispatchEvent(new Event("search"));
});
// Counting ticked units: a unit found by name and ticked in the tree as well counts once.
document.addEventListener("change", (event) => {
  const tree = event.target.closest && event.target.closest("[data-unit-tree]");
  if (tree) countTicked(tree);
});

// «Ai đủ điều kiện»: one button ticks every subject who meets the criteria, and each cap of
// the award shows how many places the ticks leave (the server refuses the excess at sending).
// A cap is the unit's own: ticks of subjects of the units below count toward theirs.
function showCaps(form) {
  const ticked = form.querySelectorAll("input[name=doi_tuong][data-own]:checked").length;
  for (const cap of document.querySelectorAll("[data-cap]")) {
    const left = Number(cap.dataset.capLeft) - ticked;
    const count = cap.querySelector("[data-cap-ticked]");
    if (!count) continue;
    count.textContent = ticked;
    cap.querySelector("[data-cap-remaining]").textContent = Math.max(0, left);
    cap.querySelector("[data-cap-over]").hidden = left >= 0;
  }
}
document.addEventListener("click", (event) => {
  const button = event.target.closest && event.target.closest("[data-tick-eligible]");
  if (!button) return;
  for (const box of button.closest("form").querySelectorAll("input[data-eligible]")) {
    box.checked = true;
  }
  showCaps(button.closest("form"));
});
document.addEventListener("change", (event) => {
  const form = event.target.closest && event.target.closest("form[data-tick-group]");
  if (form) showCaps(form);
});

// «Bình xét xếp loại»: fill every row not yet rated with the rating chosen.
document.addEventListener("click", (event) => {
  const button = event.target.closest && event.target.closest("[data-fill-rating-apply]");
  if (!button) return;
  const form = button.closest("form");
  const value = form.querySelector("[data-fill-rating]").value;
  if (!value) return;
  for (const select of form.querySelectorAll("select[name^='xl-']")) {
    if (!select.value) select.value = value;
  }
});

// «Đăng ký thi đua»: tick every row of the page.
document.addEventListener("click", (event) => {
  const button = event.target.closest && event.target.closest("[data-tick-all]");
  if (!button) return;
  // «the page» only: the «every page» box (data-no-tick-all) is the officer's own choice.
  for (const box of button.closest("form").querySelectorAll("input[type=checkbox]:not([data-no-tick-all])")) {
    box.checked = true;
  }
});

// On a phone a table's rows become cards (css/app.css): each cell is labelled by the header
// of its column, read from a table's one header row (colspans counted).
function labelCells(root) {
  root.querySelectorAll("table").forEach((table) => {
    if (!table.tHead || table.tHead.rows.length !== 1) {
      return;
    }
    const headers = [];
    for (const th of table.tHead.rows[0].cells) {
      for (let i = 0; i < (th.colSpan || 1); i += 1) {
        headers.push(th.textContent.trim());
      }
    }
    for (const body of table.tBodies) {
      for (const row of body.rows) {
        let column = 0;
        for (const cell of row.cells) {
          if (headers[column] && !cell.dataset.label && (cell.colSpan || 1) === 1) {
            cell.dataset.label = headers[column];
          }
          column += cell.colSpan || 1;
        }
      }
    }
  });
}
document.addEventListener("DOMContentLoaded", () => labelCells(document));
document.addEventListener("htmx:afterSwap", (event) => labelCells(event.target));


// A form's fieldsets marked data-kinds show only for the kind chosen in its «kind» list
// (exemplars.forms.SubjectForm.GROUPS); a hidden one is disabled, so nothing in it is sent.
function showKinds(form) {
  const kind = form.querySelector("select[name=kind]");
  if (!kind) return;
  form.querySelectorAll("fieldset[data-kinds]").forEach((fieldset) => {
    const shown = fieldset.dataset.kinds.split(" ").includes(kind.value);
    fieldset.hidden = !shown;
    fieldset.disabled = !shown;
  });
}
document.addEventListener("change", (event) => {
  if (event.target.name === "kind" && event.target.form) showKinds(event.target.form);
});
document.querySelectorAll("form").forEach(showKinds);
