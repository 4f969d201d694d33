// The board reloads itself when anything it shows changes (/version answers differently).
(function () {
  var seen = null;
  function poll() {
    fetch("/version", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (v) {
      if (seen === null) { seen = v; } else if (v !== seen) { location.reload(); }
    }).catch(function () {}).finally(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
