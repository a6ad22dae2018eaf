// Draws each <canvas> from the JSON beside it. Series differ by dash, point shape and hatching, not by colour alone.
(function () {
  'use strict';
  var dashes = [[], [8, 4], [2, 3]];
  var points = ['circle', 'triangle', 'rect'];
  var greys = ['#111', '#555', '#888'];
  function hatch(colour, index) {
    if (index === 0) return colour;
    var c = document.createElement('canvas');
    c.width = 8; c.height = 8;
    var g = c.getContext('2d');
    g.strokeStyle = colour; g.lineWidth = 2;
    g.beginPath();
    if (index === 1) { g.moveTo(0, 8); g.lineTo(8, 0); } else { g.moveTo(0, 4); g.lineTo(8, 4); }
    g.stroke();
    return g.createPattern(c, 'repeat');
  }
  document.querySelectorAll('script[data-chart]').forEach(function (node) {
    var spec = JSON.parse(node.textContent);
    var canvas = document.getElementById(node.getAttribute('data-chart'));
    if (!canvas || typeof Chart === 'undefined') return;
    new Chart(canvas, {
      type: spec.kind,
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (s, i) {
          return {
            label: s.label,
            data: s.data,
            borderColor: greys[i % 3],
            backgroundColor: spec.kind === 'bar' ? hatch(greys[i % 3], i % 3) : greys[i % 3],
            borderWidth: 2,
            borderDash: dashes[i % 3],
            pointStyle: points[i % 3],
            pointRadius: 4,
            spanGaps: true,
          };
        }),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { labels: { usePointStyle: true } } },
        scales: { y: { beginAtZero: true, title: { display: true, text: spec.unit } } },
      },
    });
  });
})();
