// Draws each dashboard chart from the table that holds its numbers (table[data-chart]); the
// table stays on the page, so nothing is lost without JavaScript or to a screen reader.
(function () {
  "use strict";
  var COLOURS = ["#1b7a3a", "#d08c00", "#2f6db5", "#a23b72", "#6b6b6b", "#7fb800"];

  function readTable(table) {
    var heads = table.querySelectorAll("thead th");
    var series = [];
    for (var i = 1; i < heads.length; i++) {
      series.push({ label: heads[i].textContent.trim(), type: heads[i].dataset.series || "bar", data: [] });
    }
    var labels = [];
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var cells = row.querySelectorAll("td[data-value]");
      if (!cells.length) { return; }
      labels.push(row.querySelector("th").textContent.trim());
      cells.forEach(function (cell, i) { series[i].data.push(Number(cell.dataset.value)); });
    });
    return { labels: labels, series: series };
  }

  function config(kind, data) {
    var doughnut = kind === "doughnut";
    var datasets = data.series.map(function (s, i) {
      return {
        label: s.label,
        type: doughnut ? "doughnut" : s.type,
        data: s.data,
        backgroundColor: doughnut ? COLOURS : COLOURS[i % COLOURS.length],
        borderColor: doughnut ? "#fff" : COLOURS[i % COLOURS.length]
      };
    });
    var options = { responsive: true, maintainAspectRatio: false, animation: false };
    if (kind === "hbar") { options.indexAxis = "y"; }
    return { type: doughnut ? "doughnut" : "bar", data: { labels: data.labels, datasets: datasets }, options: options };
  }

  function draw(table) {
    var data = readTable(table);
    if (!data.labels.length || typeof Chart === "undefined") { return; }
    var box = document.createElement("div");
    box.className = "chart-canvas";
    var canvas = document.createElement("canvas");
    // The table beside it carries the same numbers for assistive technology.
    canvas.setAttribute("aria-hidden", "true");
    box.appendChild(canvas);
    table.closest("figure").insertBefore(box, table.closest(".table-wrap"));
    new Chart(canvas, config(table.dataset.chart, data));
  }

  function start() { document.querySelectorAll("table[data-chart]").forEach(draw); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
