// Reads the shared encounter file (bench/peers/run makes it) into plain objects, before any timing starts.
'use strict';
const fs = require('fs');

module.exports.read = function read(path) {
  const lines = fs.readFileSync(path, 'utf8').split('\n');
  const rows = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].length === 0) continue;
    const [jurisdiction, date, substance, amount, unit, dependent, age, prior, place] = lines[i].split(',');
    rows.push({ jurisdiction, date, substance, amount: Number(amount), unit, dependent, age: Number(age), prior: Number(prior), place });
  }
  return rows;
};

module.exports.write = function write(path, outputs) {
  fs.writeFileSync(path, outputs.join('\n') + '\n');
};
