// The world map: each jurisdiction coloured by the model its law follows on the chosen date, with a slider through
// time. Countries are world-atlas shapes, US states us-atlas shapes, smaller places points. Data: script#map-data.
(function () {
  'use strict';
  var figure = document.getElementById('map');
  var source = document.getElementById('map-data');
  if (!figure || !source || !window.d3 || !window.topojson) return;
  var data = JSON.parse(source.textContent);
  var svgNS = 'http://www.w3.org/2000/svg';

  function modelAt(place, date) {
    for (var i = 0; i < place.timeline.length; i++) {
      var v = place.timeline[i];
      if (v.from <= date && (!v.to || date < v.to)) return v;
    }
    return null;
  }

  Promise.all([
    fetch('/assets/countries-110m.json').then(function (r) { return r.json(); }),
    fetch('/assets/states-10m.json').then(function (r) { return r.json(); })
  ]).then(function (atlases) {
    var world = topojson.feature(atlases[0], atlases[0].objects.countries);
    var states = topojson.feature(atlases[1], atlases[1].objects.states);
    var width = 960, height = 500;
    var projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: 'Sphere' });
    var path = d3.geoPath(projection);
    var svg = document.createElementNS(svgNS, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('role', 'group');
    svg.setAttribute('aria-label', figure.getAttribute('data-label') || 'World map of drug law models');
    var sphere = document.createElementNS(svgNS, 'path');
    sphere.setAttribute('d', path({ type: 'Sphere' }));
    sphere.setAttribute('class', 'sphere');
    svg.appendChild(sphere);

    var byId = {};
    data.places.forEach(function (p) { if (p.atlas !== 'point') byId[p.atlas + ':' + p.id] = p; });
    var shapes = [];

    function link(place) {
      var a = document.createElementNS(svgNS, 'a');
      a.setAttribute('href', '/jurisdictions/' + place.code);
      a.setAttribute('data-code', place.code);
      var title = document.createElementNS(svgNS, 'title');
      a.appendChild(title);
      shapes.push({ place: place, node: a, title: title });
      return a;
    }

    world.features.forEach(function (f) {
      var place = byId['world:' + f.id];
      var d = path(f);
      if (!d) return;
      var shape = document.createElementNS(svgNS, 'path');
      shape.setAttribute('d', d);
      if (place) {
        var a = link(place);
        a.appendChild(shape);
        svg.appendChild(a);
      } else {
        shape.setAttribute('class', 'land');
        svg.appendChild(shape);
      }
    });
    states.features.forEach(function (f) {
      var place = byId['us:' + f.id];
      if (!place) return;
      var shape = document.createElementNS(svgNS, 'path');
      shape.setAttribute('d', path(f));
      var a = link(place);
      a.appendChild(shape);
      svg.appendChild(a);
    });
    data.places.filter(function (p) { return p.atlas === 'point'; }).forEach(function (place) {
      var xy = projection([place.lon, place.lat]);
      var dot = document.createElementNS(svgNS, 'circle');
      dot.setAttribute('cx', xy[0]);
      dot.setAttribute('cy', xy[1]);
      dot.setAttribute('r', 5);
      dot.setAttribute('class', 'point');
      var a = link(place);
      a.appendChild(dot);
      svg.appendChild(a);
    });
    figure.appendChild(svg);

    var dateInput = document.getElementById('date');
    var slider = document.getElementById('date-slider');
    var shown = document.getElementById('date-shown');
    var label = document.querySelector('.date-label');
    var first = new Date(data.first + 'T00:00:00Z');
    var today = new Date(data.today + 'T00:00:00Z');
    var months = (today.getUTCFullYear() - first.getUTCFullYear()) * 12 + today.getUTCMonth() - first.getUTCMonth();

    function isoOfMonth(i) {
      if (i >= months) return data.today;
      var d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + i, 1));
      return d.toISOString().slice(0, 10);
    }

    function paint(date) {
      shapes.forEach(function (s) {
        var v = modelAt(s.place, date);
        var model = v ? v.model : 'none';
        s.node.setAttribute('class', 'jurisdiction model-' + model);
        s.title.textContent = s.place.name + ': ' + (v ? data.models[v.model] + (v.scope ? ' (' + v.scope + ')' : '') : '—');
      });
      document.querySelectorAll('#jurisdictions tr[data-code]').forEach(function (row) {
        var place = data.places.filter(function (p) { return p.code === row.getAttribute('data-code'); })[0];
        if (!place) return;
        var v = modelAt(place, date);
        var cell = row.children[1];
        cell.textContent = '';
        if (v) {
          var sw = document.createElement('span');
          sw.className = 'swatch model-' + v.model;
          sw.setAttribute('aria-hidden', 'true');
          cell.appendChild(sw);
          cell.appendChild(document.createTextNode(data.models[v.model]));
        } else cell.textContent = '—';
        row.children[2].textContent = v ? v.scope : '';
      });
      if (label) label.textContent = date;
      if (shown) shown.textContent = date;
      figure.setAttribute('data-date', date);
    }

    if (slider) {
      slider.max = String(months);
      var current = data.date;
      var at = (Number(current.slice(0, 4)) - first.getUTCFullYear()) * 12 + Number(current.slice(5, 7)) - 1 - first.getUTCMonth();
      slider.value = String(Math.max(0, Math.min(months, at)));
      slider.setAttribute('aria-valuetext', current);
      slider.parentElement.hidden = false;
      slider.addEventListener('input', function () {
        var date = isoOfMonth(Number(slider.value));
        slider.setAttribute('aria-valuetext', date);
        if (dateInput) dateInput.value = date;
        paint(date);
      });
    }
    if (dateInput) dateInput.addEventListener('change', function () { if (dateInput.value) paint(dateInput.value); });
    paint(data.date);
    figure.setAttribute('data-state', 'drawn');
  }).catch(function (e) {
    figure.setAttribute('data-state', 'failed');
    var p = document.createElement('p');
    p.textContent = 'The map could not be drawn (' + e.message + '); the list below shows the same.';
    figure.appendChild(p);
  });
})();
