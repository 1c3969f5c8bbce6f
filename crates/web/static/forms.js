// Conveniences for the page forms. Every form submits and works without this script; what it
// adds is typing to filter a long list, choosing a department before a place, and the custody
// clock updated as a time is typed. Texts come from the page (data-* attributes), already in
// the reader's language.
"use strict";

(function () {
  // A long multiple choice (the sources): a box that filters it by every word typed, a click
  // that adds or removes one choice without holding Ctrl, and a count of the choices made.
  function filterable(select) {
    var box = document.createElement("input");
    box.type = "search";
    box.className = "picker-filter";
    box.setAttribute("aria-label", select.dataset.filterLabel || "");
    box.setAttribute("aria-controls", select.id);
    box.placeholder = select.dataset.filterLabel || "";
    var status = document.createElement("div");
    status.className = "hint picker-status";
    status.setAttribute("aria-live", "polite");
    select.parentNode.insertBefore(box, select);
    select.parentNode.insertBefore(status, select.nextSibling);

    function update() {
      var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      var chosen = 0;
      Array.prototype.forEach.call(select.options, function (o) {
        var text = o.text.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        // What is chosen stays in sight, so that it can be taken out again.
        o.hidden = !(match || o.selected);
        if (!o.hidden) shown += 1;
        if (o.selected) chosen += 1;
      });
      status.textContent = (select.dataset.filterStatus || "{shown} / {all} · {chosen}")
        .replace("{shown}", shown)
        .replace("{all}", select.options.length)
        .replace("{chosen}", chosen);
    }
    box.addEventListener("input", update);
    select.addEventListener("change", update);
    select.addEventListener("mousedown", function (e) {
      if (e.target.tagName !== "OPTION" || e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      e.target.selected = !e.target.selected;
      select.focus();
      update();
    });
    update();
  }

  // The gazetteer's places grouped by department: a department first, then only its places.
  function cascade(select) {
    var groups = select.querySelectorAll("optgroup");
    var dep = document.createElement("select");
    dep.id = select.id + "-department";
    var label = document.createElement("label");
    label.htmlFor = dep.id;
    label.textContent = select.dataset.departmentLabel || "";
    var all = document.createElement("option");
    all.value = "";
    all.textContent = select.dataset.departmentAll || "—";
    dep.appendChild(all);
    Array.prototype.forEach.call(groups, function (g) {
      var o = document.createElement("option");
      o.value = g.label;
      o.textContent = g.label;
      dep.appendChild(o);
    });
    var chosen = select.selectedOptions[0];
    if (chosen && chosen.parentNode.tagName === "OPTGROUP") dep.value = chosen.parentNode.label;
    var wrap = document.createElement("div");
    wrap.className = "field picker-department";
    wrap.appendChild(label);
    wrap.appendChild(dep);
    var field = select.closest(".field");
    field.parentNode.insertBefore(wrap, field);

    function update() {
      Array.prototype.forEach.call(groups, function (g) {
        var off = dep.value !== "" && g.label !== dep.value;
        g.hidden = off;
        g.disabled = off;
      });
      var now = select.selectedOptions[0];
      if (now && now.parentNode.disabled) select.value = "";
    }
    dep.addEventListener("change", update);
    update();
  }

  // The offset from UTC chosen beside a time field, in minutes east (Haiti's by default).
  function offsetOf(input) {
    var offset = input.form.querySelector('[name="' + input.name + '.offset"]');
    var o = /^([+-])(\d{2}):(\d{2})$/.exec(offset ? offset.value : "-05:00");
    return o ? (o[1] === "-" ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3])) : -300;
  }

  // A time typed as "YYYY-MM-DD HH:MM" (or with a T), in milliseconds since the epoch.
  function typedTime(input) {
    var m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(input.value.trim());
    if (!m) return null;
    var utc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
    return isNaN(utc) ? null : utc - offsetOf(input) * 60000;
  }

  // "2025-03-01 14:00" in the offset `minutes` east of UTC.
  function show(ms, minutes) {
    var d = new Date(ms + minutes * 60000).toISOString();
    return d.slice(0, 10) + " " + d.slice(11, 16);
  }

  function hours(ms) {
    var h = Math.floor(Math.abs(ms) / 3600000);
    var m = Math.floor((Math.abs(ms) % 3600000) / 60000);
    return h + " h " + (m < 10 ? "0" : "") + m;
  }

  // The custody clock: from an arrest typed in this form, or from the arrest of the detention
  // the form ends (data-clock-from), to a handover or release due `data-clock-hours` later.
  function clock(out) {
    var input = document.getElementById(out.dataset.clockField);
    if (!input) return;
    var limit = Number(out.dataset.clockHours) * 3600000;
    var offset = input.form.querySelector('[name="' + input.name + '.offset"]');
    function update() {
      var typed = typedTime(input);
      var minutes = offsetOf(input);
      var text;
      if (out.dataset.clockFrom) {
        // The form ends custody: how long after the arrest is the time typed?
        var from = Date.parse(out.dataset.clockFrom);
        var end = typed === null ? Date.now() : typed;
        var left = from + limit - end;
        text = (left >= 0 ? out.dataset.clockWithin : out.dataset.clockOver) || "";
        text = text.replace("{after}", hours(end - from)).replace("{by}", hours(left));
      } else if (typed !== null) {
        var due = typed + limit;
        var rest = due - Date.now();
        text = (rest >= 0 ? out.dataset.clockDue : out.dataset.clockPast) || "";
        text = text.replace("{due}", show(due, minutes)).replace("{left}", hours(rest));
      } else {
        text = "";
      }
      out.textContent = text;
    }
    input.addEventListener("input", update);
    if (offset) offset.addEventListener("change", update);
    window.setInterval(update, 30000);
    update();
  }

  document.querySelectorAll('select[data-picker="filter"]').forEach(filterable);
  document.querySelectorAll('select[data-picker="place"]').forEach(cascade);
  document.querySelectorAll("output[data-clock-field]").forEach(clock);
})();
