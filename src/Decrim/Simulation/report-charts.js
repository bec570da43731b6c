// Draws the simulation report's charts with Observable Plot from the JSON in script#data: lines with confidence
// bands by period, and burden bars. Inlined into report.html by the CLI and served to the web app's simulation page.
(function () {
  var data = JSON.parse(document.getElementById('data').textContent);
  var periods = data.periods.map(function (p) { return new Date(p.from + 'T00:00:00Z'); });
  document.querySelectorAll('#charts figure.chart').forEach(function (fig) {
    var metric = fig.getAttribute('data-metric');
    var rows = [];
    data.series.filter(function (s) { return s.metric === metric; }).forEach(function (s) {
      s.periods.forEach(function (e, i) { rows.push({ policy: s.policy, date: periods[i], mean: e.mean, low: e.low, high: e.high }); });
    });
    fig.appendChild(Plot.plot({
      width: 420, height: 240, marginLeft: 60,
      color: { legend: true, range: ['#1b6ca8', '#c1440e', '#2e7d32', '#6a1b9a', '#8d6e00'] },
      x: { type: 'utc', label: null }, y: { grid: true, label: null, zero: true },
      marks: [
        Plot.areaY(rows, { x: 'date', y1: 'low', y2: 'high', fill: 'policy', fillOpacity: 0.2, curve: 'step-after' }),
        Plot.lineY(rows, { x: 'date', y: 'mean', stroke: 'policy', curve: 'step-after' }),
        Plot.ruleY([0])
      ]
    }));
  });
  document.querySelectorAll('#burden-charts figure.chart').forEach(function (fig) {
    var metric = fig.getAttribute('data-metric');
    var rows = [];
    data.burden.forEach(function (b) {
      rows.push({ policy: b.policy, group: b.group, dimension: b.dimension, share: b.metrics[metric].shareOfTotal });
    });
    var population = data.burden.filter(function (b) { return b.policy === data.policies[0].label; })
      .map(function (b) { return { group: b.group, share: b.populationShare }; });
    fig.appendChild(Plot.plot({
      width: 420, height: 40 + population.length * (data.policies.length * 12 + 8), marginLeft: 230,
      x: { percent: true, label: 'share of the total (%); black tick: share of the population', grid: true },
      y: { axis: null }, fy: { label: null, domain: population.map(function (p) { return p.group; }) },
      color: { legend: true, range: ['#1b6ca8', '#c1440e', '#2e7d32', '#6a1b9a', '#8d6e00'] },
      marks: [
        Plot.barX(rows, { x1: 0, x2: 'share', y: 'policy', fy: 'group', fill: 'policy', title: function (d) { return d.policy + ': ' + (100 * d.share).toFixed(1) + '%'; } }),
        Plot.tickX(population, { x: 'share', fy: 'group', stroke: '#000', strokeWidth: 2 })
      ]
    }));
  });
  document.documentElement.setAttribute('data-charts', 'drawn');
})();
