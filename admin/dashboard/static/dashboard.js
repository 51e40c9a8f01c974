// The dashboard's behaviour (a file, so the content security policy can forbid inline script):
// filters apply as soon as a choice changes; rejecting or closing asks first; the queue's
// keyboard shortcuts ("/" search, j/k move, Enter open, x choose) and its "choose all" box.
document.querySelectorAll("form.filters select").forEach(function (select) {
  select.addEventListener("change", function () { select.form.requestSubmit(); });
});
// Filters left empty stay out of the address, so a view's link is short enough to share.
document.querySelectorAll("form.filters").forEach(function (form) {
  form.addEventListener("submit", function () {
    form.querySelectorAll("input, select").forEach(function (field) {
      if (!field.value) { field.disabled = true; }
    });
  });
});
document.querySelectorAll("form[data-confirm]").forEach(function (form) {
  form.addEventListener("submit", function (event) {
    var choice = form.querySelector("select[name=status]");
    if (choice && (choice.value === "rejected" || choice.value === "closed") && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
});
// Closing a consultation publishes its results and cannot be undone: asked first.
document.querySelectorAll("form[data-confirm-submit]").forEach(function (form) {
  form.addEventListener("submit", function (event) {
    if (!window.confirm(form.dataset.confirmSubmit)) { event.preventDefault(); }
  });
});

var chooseAll = document.getElementById("choose-all");
if (chooseAll) {
  chooseAll.addEventListener("change", function () {
    document.querySelectorAll("table.queue input[name=item]").forEach(function (box) { box.checked = chooseAll.checked; });
  });
}

var rows = Array.prototype.slice.call(document.querySelectorAll("table.queue tbody tr[data-href]"));
var current = -1;
function focusRow(index) {
  if (!rows.length) { return; }
  current = Math.max(0, Math.min(rows.length - 1, index));
  rows.forEach(function (row, i) { row.classList.toggle("is-current", i === current); });
  rows[current].querySelector("a").focus();
}
document.addEventListener("keydown", function (event) {
  var target = event.target;
  var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT");
  if (event.ctrlKey || event.metaKey || event.altKey) { return; }
  if (event.key === "Escape" && typing) { target.blur(); return; }
  if (typing && !(target.type === "checkbox")) { return; }
  var search = document.querySelector("form.filters input[name=q]");
  if (event.key === "/" && search) { event.preventDefault(); search.focus(); search.select(); return; }
  if (!rows.length) { return; }
  if (event.key === "j") { event.preventDefault(); focusRow(current + 1); }
  else if (event.key === "k") { event.preventDefault(); focusRow(current - 1); }
  else if (event.key === "x" && current >= 0) {
    var box = rows[current].querySelector("input[name=item]");
    if (box) { box.checked = !box.checked; }
  } else if (event.key === "Enter" && current >= 0 && target.tagName !== "A") {
    window.location.href = rows[current].dataset.href;
  }
});

// The photo picker speaks the page's language (the browser's own button would say "Choose Files").
document.querySelectorAll(".file-pick input[type=file]").forEach(function (input) {
  var names = input.parentElement.querySelector(".file-names");
  function show() {
    var chosen = Array.prototype.map.call(input.files, function (file) { return file.name; });
    names.textContent = chosen.length ? chosen.join(", ") : input.dataset.none;
  }
  input.addEventListener("change", show);
  // Photos already chosen (the browser restores them on going back, or they were picked while
  // the page was still loading) are named at once, not only after the next change.
  show();
});
