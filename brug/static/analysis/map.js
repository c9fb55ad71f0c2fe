// Drag an actor of Brandsma's map to another role zone. The same change is possible without
// JavaScript: every actor has a role select and a "Verplaats" button in the table below.
(function () {
  "use strict";
  var svg = document.querySelector("svg.brug-polmap--editable");
  if (!svg) { return; }
  var token = document.querySelector("input[name=csrfmiddlewaretoken]");
  var status = document.getElementById("polmap-status");
  var zones = Array.prototype.slice.call(svg.querySelectorAll(".brug-polmap__zone"));
  var drag = null;

  function point(evt) {
    var p = svg.createSVGPoint();
    p.x = evt.clientX; p.y = evt.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }

  function zoneAt(p) {
    for (var i = 0; i < zones.length; i++) {
      var z = zones[i], x = +z.dataset.x, y = +z.dataset.y, w = +z.dataset.w, h = +z.dataset.h;
      if (p.x >= x && p.x <= x + w && p.y >= y && p.y <= y + h) { return z; }
    }
    return null;
  }

  function mark(target) {
    zones.forEach(function (z) { z.classList.toggle("is-target", z === target); });
  }

  svg.addEventListener("pointerdown", function (evt) {
    var actor = evt.target.closest("[data-actor]");
    if (!actor) { return; }
    evt.preventDefault();
    actor.setPointerCapture(evt.pointerId);
    drag = { el: actor, start: point(evt), from: actor.closest(".brug-polmap__zone") };
    actor.classList.add("is-dragging");
  });

  svg.addEventListener("pointermove", function (evt) {
    if (!drag) { return; }
    var p = point(evt);
    drag.el.setAttribute("transform", "translate(" + (p.x - drag.start.x) + " " + (p.y - drag.start.y) + ")");
    mark(zoneAt(p));
  });

  function reset() {
    if (!drag) { return; }
    drag.el.removeAttribute("transform");
    drag.el.classList.remove("is-dragging");
    mark(null);
    drag = null;
  }

  svg.addEventListener("pointerup", function (evt) {
    if (!drag) { return; }
    var target = zoneAt(point(evt));
    var el = drag.el;
    if (!target || target === drag.from) { reset(); return; }
    var body = new FormData();
    body.append("role", target.dataset.role);
    if (token) { body.append("csrfmiddlewaretoken", token.value); }
    fetch(el.dataset.moveUrl, { method: "POST", body: body, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (resp) { return resp.json().then(function (data) { return { ok: resp.ok, data: data }; }); })
      .then(function (res) {
        if (res.ok) {
          if (status) { status.textContent = "Verplaatst naar " + res.data.label + "."; }
          window.location.reload();
        } else {
          if (status) { status.textContent = res.data.error || "Verplaatsen is niet gelukt."; }
          reset();
        }
      })
      .catch(function () { if (status) { status.textContent = "Verplaatsen is niet gelukt."; } reset(); });
  });

  svg.addEventListener("pointercancel", reset);
})();
