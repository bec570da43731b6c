// Norway 2023 and Czech 2015 possession rules for json-rules-engine, one engine per jurisdiction.
// The deciding rule is the successful rule with the highest priority (Decrim's first applicable exception).
// usage: node json-rules-engine.js encounters.csv out.txt
'use strict';
const { Engine } = require('json-rules-engine');
const { read, write } = require('./encounters');

const within = (substances, limit) => ({ all: [
  { fact: 'substance', operator: 'in', value: substances },
  { fact: 'amount', operator: 'lessThanInclusive', value: limit },
] });
const above = (substances, limit) => ({ all: [
  { fact: 'substance', operator: 'in', value: substances },
  { fact: 'amount', operator: 'greaterThan', value: limit },
] });
const dependent = { fact: 'dependent', operator: 'in', value: ['yes', 'unknown'] }; // benefit of the doubt
const always = { all: [{ fact: 'amount', operator: 'greaterThanInclusive', value: 0 }] };
const four = ['heroin', 'cocaine', 'amphetamine', 'methamphetamine'];

function norway() {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addRule({ name: 'dependent-own-use', priority: 5, event: { type: 'dependent-own-use' }, conditions: { all: [dependent, { any: [
    within(four, 5), within(['cannabis-herb', 'cannabis-resin'], 15), within(['mdma'], 1), within(['lsd'], 3),
  ] }] } });
  engine.addRule({ name: 'dependent-modest-excess', priority: 4, event: { type: 'dependent-modest-excess' }, conditions: { all: [dependent, within(four, 10)] } });
  engine.addRule({ name: 'youth-advisory-unit', priority: 3, event: { type: 'youth-advisory-unit' }, conditions: { all: [
    { fact: 'age', operator: 'greaterThanInclusive', value: 15 },
    { fact: 'age', operator: 'lessThanInclusive', value: 17 },
    { fact: 'prior', operator: 'equal', value: 0 },
  ] } });
  engine.addRule({ name: 'consumption-site', priority: 2, event: { type: 'consumption-site' }, conditions: { all: [{ fact: 'place', operator: 'equal', value: 'consumption-site' }] } });
  engine.addRule({ name: 'use-possession', priority: 1, event: { type: 'use-possession' }, conditions: always });
  return engine;
}

function czech() {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const cannabis = [above(['cannabis-herb'], 10), above(['cannabis-resin'], 5)];
  engine.addRule({ name: 'cannabis-greater-than-small', priority: 3, event: { type: 'cannabis-greater-than-small' }, conditions: { any: cannabis } });
  engine.addRule({ name: 'greater-than-small', priority: 2, event: { type: 'greater-than-small' }, conditions: { any: [
    above(['heroin', 'methamphetamine'], 1.5), above(['cocaine'], 1), above(['amphetamine'], 2), above(['mdma'], 0.4), above(['lsd'], 5), ...cannabis,
  ] } });
  engine.addRule({ name: 'possession', priority: 1, event: { type: 'possession' }, conditions: always });
  return engine;
}

async function main() {
  const [input, output] = process.argv.slice(2);
  const rows = read(input);
  const engines = { NO: norway(), CZ: czech() };
  const out = new Array(rows.length);
  const start = process.hrtime.bigint();
  for (let i = 0; i < rows.length; i++) {
    const { events } = await engines[rows[i].jurisdiction].run(rows[i]);
    let best = null;
    for (const e of events) if (best === null || e.priority > best.priority) best = e;
    out[i] = best.type;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  write(output, out);
  console.log(`json-rules-engine ${Math.round(rows.length / seconds)}`);
}

main().catch(e => { console.error(e); process.exit(1); });
