// Norway 2023 and Czech 2015 possession rules as GoRules Zen decision tables (hit policy "first": the first
// matching row decides, as Decrim's first applicable exception does). Evaluations are issued in concurrent
// batches, Zen's fastest documented use from Node.
// usage: node zen.js encounters.csv out.txt
'use strict';
const { ZenEngine } = require('@gorules/zen-engine');
const { read, write } = require('./encounters');

const inputs = ['substance', 'amount', 'dependent', 'age', 'prior', 'place'].map(f => ({ id: f, name: f, field: f }));
const any = { substance: '', amount: '', dependent: '', age: '', prior: '', place: '' };
const row = (rule, cells) => ({ _id: rule + Math.random().toString(36).slice(2), ...any, ...cells, rule: JSON.stringify(rule) });
const list = xs => xs.map(x => JSON.stringify(x)).join(', ');
const four = ['heroin', 'cocaine', 'amphetamine', 'methamphetamine'];
const dependent = list(['yes', 'unknown']);

function decision(rows) {
  return {
    contentType: 'application/vnd.gorules.decision',
    nodes: [
      { id: 'in', type: 'inputNode', name: 'encounter', position: { x: 0, y: 0 } },
      { id: 'table', type: 'decisionTableNode', name: 'rules', position: { x: 200, y: 0 }, content: {
        hitPolicy: 'first', inputs, outputs: [{ id: 'rule', name: 'rule', field: 'rule' }], rules: rows } },
      { id: 'out', type: 'outputNode', name: 'pathway', position: { x: 400, y: 0 } },
    ],
    edges: [{ id: 'e1', sourceId: 'in', targetId: 'table', type: 'edge' }, { id: 'e2', sourceId: 'table', targetId: 'out', type: 'edge' }],
  };
}

const norway = decision([
  row('dependent-own-use', { substance: list(four), amount: '<= 5', dependent }),
  row('dependent-own-use', { substance: list(['cannabis-herb', 'cannabis-resin']), amount: '<= 15', dependent }),
  row('dependent-own-use', { substance: list(['mdma']), amount: '<= 1', dependent }),
  row('dependent-own-use', { substance: list(['lsd']), amount: '<= 3', dependent }),
  row('dependent-modest-excess', { substance: list(four), amount: '<= 10', dependent }),
  row('youth-advisory-unit', { age: '[15..17]', prior: '0' }),
  row('consumption-site', { place: list(['consumption-site']) }),
  row('use-possession', {}),
]);

const czech = decision([
  row('cannabis-greater-than-small', { substance: list(['cannabis-herb']), amount: '> 10' }),
  row('cannabis-greater-than-small', { substance: list(['cannabis-resin']), amount: '> 5' }),
  row('greater-than-small', { substance: list(['heroin', 'methamphetamine']), amount: '> 1.5' }),
  row('greater-than-small', { substance: list(['cocaine']), amount: '> 1' }),
  row('greater-than-small', { substance: list(['amphetamine']), amount: '> 2' }),
  row('greater-than-small', { substance: list(['mdma']), amount: '> 0.4' }),
  row('greater-than-small', { substance: list(['lsd']), amount: '> 5' }),
  row('possession', {}),
]);

async function main() {
  const [input, output, batch = '1000'] = process.argv.slice(2);
  const rows = read(input);
  const engine = new ZenEngine();
  const decisions = { NO: engine.createDecision(norway), CZ: engine.createDecision(czech) };
  const out = new Array(rows.length);
  const size = Number(batch);
  const start = process.hrtime.bigint();
  for (let i = 0; i < rows.length; i += size) {
    const end = Math.min(rows.length, i + size);
    const pending = [];
    for (let j = i; j < end; j++) pending.push(decisions[rows[j].jurisdiction].evaluate(rows[j]));
    const results = await Promise.all(pending);
    for (let j = i; j < end; j++) out[j] = results[j - i].result.rule;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  write(output, out);
  engine.dispose?.();
  console.log(`zen ${Math.round(rows.length / seconds)}`);
}

main().catch(e => { console.error(e); process.exit(1); });
