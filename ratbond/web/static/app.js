/* ratbond: charts, the session timer and signal descriptions; runs on load and after htmx swaps. */
(function () {
  "use strict";

  function each(root, selector, fn) {
    if (root.matches && root.matches(selector)) fn(root);
    root.querySelectorAll(selector).forEach(fn);
  }

  // Charts: <canvas data-chart="ID"> reads its Chart.js config from <script type="application/json" id="ID">.
  function initChart(canvas) {
    if (canvas.dataset.ready || typeof window.Chart === "undefined") return;
    var source = document.getElementById(canvas.dataset.chart);
    if (!source) return;
    canvas.dataset.ready = "1";
    var config = JSON.parse(source.textContent);
    config.options = config.options || {};
    config.options.responsive = true;
    config.options.maintainAspectRatio = false;
    config.options.animation = false;
    new window.Chart(canvas, config);
  }

  // Timer: start/stop/reset; every tick writes the elapsed minutes into the minutes field.
  function initTimer(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "1";
    var out = box.querySelector("output");
    var startButton = box.querySelector("[data-timer-action=start]");
    var stopButton = box.querySelector("[data-timer-action=stop]");
    var resetButton = box.querySelector("[data-timer-action=reset]");
    var startedAt = null;
    var before = 0; // milliseconds counted before the current run
    var ticker = null;

    function elapsed() {
      return before + (startedAt === null ? 0 : Date.now() - startedAt);
    }
    function show() {
      var seconds = Math.floor(elapsed() / 1000);
      var m = Math.floor(seconds / 60);
      var s = seconds % 60;
      out.textContent = m + ":" + (s < 10 ? "0" : "") + s;
      // Looked up on each tick: a form shown again after an error has a new minutes field,
      // while the timer itself is kept running in the page (hx-preserve).
      var target = document.querySelector(box.dataset.timerTarget);
      if (target && elapsed() > 0) {
        var minutes = elapsed() / 60000;
        var rounded = minutes >= 1 ? Math.round(minutes * 10) / 10 : Math.round(minutes * 100) / 100;
        target.value = String(rounded);
        target.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }
    function running(on) {
      startButton.hidden = on;
      stopButton.hidden = !on;
      startButton.textContent = before > 0 ? "Resume" : "Start";
    }
    startButton.addEventListener("click", function () {
      startedAt = Date.now();
      ticker = window.setInterval(show, 1000);
      running(true);
    });
    stopButton.addEventListener("click", function () {
      before = elapsed();
      startedAt = null;
      window.clearInterval(ticker);
      show();
      running(false);
    });
    resetButton.addEventListener("click", function () {
      before = 0;
      startedAt = null;
      window.clearInterval(ticker);
      out.textContent = "0:00";
      running(false);
    });
    running(false);
  }

  // Signals: tapping a chip toggles it and shows what the signal means under its group.
  function initSignals(group) {
    if (group.dataset.ready) return;
    group.dataset.ready = "1";
    var help = group.querySelector(".signal-help");
    if (help) help.dataset.blank = help.textContent;
    group.addEventListener("change", function (event) {
      var input = event.target;
      if (!help || !input.dataset || !input.dataset.description) return;
      help.textContent = input.dataset.label + ": " + input.dataset.description;
    });
  }

  // After a save the signal boards, kept in the page across the swap (hx-preserve), start
  // blank again for the next session.
  function clearSignals(saved) {
    var panel = saved.closest("#log-panel");
    if (!panel) return;
    each(panel, "#signal-boards input[name='signal']", function (input) {
      input.checked = false;
    });
    each(panel, "#signal-boards .signal-help", function (help) {
      if (help.dataset.blank) help.textContent = help.dataset.blank;
    });
  }

  // One tap, one session. While a save is on its way its button is disabled and a second
  // submit dropped (the form's hx-disabled-elt and hx-sync). Just after, a tap would send the
  // form already readied for the next session: the button stays disabled a moment longer,
  // and a submit in that moment is dropped. The pause starts in the same task in which htmx
  // re-enables the button, so no tap can land between the two.
  var PAUSE_AFTER_SAVE = 800; // milliseconds: longer than a double tap, shorter than a thought
  var savedAt = 0;
  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail && event.detail.elt;
    if (elt && elt.id === "log-form" && Date.now() - savedAt < PAUSE_AFTER_SAVE) {
      event.preventDefault();
    }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var elt = event.detail && event.detail.elt;
    if (!elt || elt.id !== "log-form" || !event.detail.successful) return;
    savedAt = Date.now();
    var save = document.getElementById("save-session");
    if (!save) return;
    save.disabled = true;
    window.setTimeout(function () { save.disabled = false; }, PAUSE_AFTER_SAVE);
  });

  // After a save htmx keeps the log form in the page (hx-preserve): ready it for the next
  // session as a freshly opened form would be, from the data of the saved note.
  function readyLogForm(saved) {
    var form = document.getElementById("log-form");
    if (!form || !saved.dataset.stage) return;
    function set(selector, value) {
      var field = form.querySelector(selector);
      if (field) field.value = value;
    }
    var stage = form.querySelector("#f-stage");
    var moved = stage && stage.value !== saved.dataset.stage;
    set("#f-stage", saved.dataset.stage);
    set("#f-minutes", saved.dataset.minutes);
    set("#f-date", saved.dataset.date);
    set("#f-notes", "");
    set("#f-attempts", "");
    set("#f-rewarded", "");
    var supervised = form.querySelector("input[name='supervised']");
    if (supervised) supervised.checked = true;
    var preview = form.querySelector("#notes-preview");
    if (preview) preview.replaceChildren();
    each(form, ".field-error, .form-errors", function (message) { message.remove(); });
    each(form, "[aria-invalid]", function (field) {
      field.removeAttribute("aria-invalid");
      field.removeAttribute("aria-describedby");
    });
    var reset = form.querySelector("[data-timer-action=reset]");
    if (reset) reset.click();
    // Another stage may take clicker counts, or none: htmx asks for its fields.
    if (moved) stage.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // Confirmation for buttons with data-confirm (stop, pause) without inline script.
  function initConfirm(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "1";
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }

  // On a phone the header's links scroll sideways: the current section is brought into view.
  function showCurrent(link) {
    var nav = link.parentElement;
    if (nav.scrollWidth > nav.clientWidth) {
      nav.scrollLeft = link.offsetLeft - nav.offsetLeft - (nav.clientWidth - link.offsetWidth) / 2;
    }
  }

  function init(root) {
    each(root, ".top nav [aria-current]", showCurrent);
    each(root, "canvas[data-chart]", initChart);
    each(root, "[data-timer]", initTimer);
    each(root, ".animal-signals", initSignals);
    each(root, ".saved", clearSignals);
    each(root, ".saved", readyLogForm);
    each(root, "form[data-confirm]", initConfirm);
  }

  if (window.htmx) {
    window.htmx.onLoad(init);
  } else {
    document.addEventListener("DOMContentLoaded", function () { init(document.body); });
  }
})();
