// Filters apply as soon as a choice changes; rejecting or closing asks first.
document.querySelectorAll("form.filters select").forEach(function (select) {
  select.addEventListener("change", function () { select.form.submit(); });
});
document.querySelectorAll("form[data-confirm]").forEach(function (form) {
  form.addEventListener("submit", function (event) {
    var choice = form.querySelector("select[name=status]");
    if (choice && (choice.value === "rejected" || choice.value === "closed") && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
});
