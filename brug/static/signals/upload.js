// Upload with progress for forms marked data-brug-upload (CSP script-src 'self': no inline JS).
// The file goes with XMLHttpRequest so the browser reports upload progress and the page stays
// usable; without JavaScript the form posts normally.
(function () {
  "use strict";

  function setup(form) {
    var box = document.getElementById(form.getAttribute("data-brug-upload"));
    if (!box || !window.FormData || !window.XMLHttpRequest) return;
    var bar = box.querySelector("progress");
    var text = box.querySelector("[data-upload-text]");
    var cancel = box.querySelector("button[data-upload-cancel]");
    var submit = form.querySelector("button[type=submit]");
    var xhr = null;

    function show(message, percent) {
      box.hidden = false;
      if (text) text.textContent = message;
      if (bar) {
        if (percent === null) bar.removeAttribute("value");
        else bar.value = percent;
      }
    }

    function reset(message) {
      xhr = null;
      if (submit) submit.disabled = false;
      if (cancel) cancel.hidden = true;
      show(message, 0);
    }

    if (cancel) {
      cancel.addEventListener("click", function () {
        if (xhr) xhr.abort();
      });
    }

    form.addEventListener("submit", function (event) {
      var input = form.querySelector("input[type=file]");
      if (!input || !input.files || !input.files.length) return; // let the server explain
      event.preventDefault();
      if (xhr) return;
      xhr = new XMLHttpRequest();
      xhr.open("POST", form.action || window.location.href);
      xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) {
          var percent = Math.round((100 * e.loaded) / e.total);
          var mb = function (n) { return (n / 1048576).toFixed(1).replace(".", ","); };
          show("Bestand wordt verstuurd: " + percent + "% (" + mb(e.loaded) + " van " + mb(e.total) + " MB).", percent);
        } else {
          show("Bestand wordt verstuurd…", null);
        }
      });
      xhr.upload.addEventListener("load", function () {
        show("Verstuurd. Het bestand wordt gecontroleerd…", null);
      });
      xhr.addEventListener("load", function () {
        if (xhr.status >= 200 && xhr.status < 300 && xhr.responseURL && xhr.responseURL !== window.location.href) {
          window.location.assign(xhr.responseURL); // the import's own progress page
          return;
        }
        // The form came back with a Dutch error: show that page's main content in place.
        var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
        var fresh = doc.querySelector("main");
        var current = document.querySelector("main");
        if (fresh && current) {
          current.innerHTML = fresh.innerHTML;
          var again = current.querySelector("form[data-brug-upload]");
          if (again) setup(again);
          var error = current.querySelector(".utrecht-alert--error, [aria-invalid=true]");
          if (error && error.focus) {
            if (!error.hasAttribute("tabindex")) error.setAttribute("tabindex", "-1");
            error.focus();
          }
        } else {
          reset("Het versturen is mislukt (" + xhr.status + "). Probeer het opnieuw.");
        }
      });
      xhr.addEventListener("error", function () {
        reset("Het versturen is mislukt: geen verbinding. Probeer het opnieuw.");
      });
      xhr.addEventListener("abort", function () {
        reset("Het versturen is gestopt. Er is niets opgeslagen.");
      });
      if (submit) submit.disabled = true;
      if (cancel) cancel.hidden = false;
      show("Bestand wordt verstuurd: 0%.", 0);
      xhr.send(new FormData(form));
    });
  }

  document.querySelectorAll("form[data-brug-upload]").forEach(setup);
})();
