// A synthetic composite index in COINr's two tables, for the scale benchmarks (`make bench`):
// `units` rows of `indicators` indicators under ten pillars and one index (three levels), every
// seventh indicator lower-is-better, about 2% of the values missing, from a fixed seed, so
// every run measures the same files. Not content of the explorer.
//
//   node scripts/gen-index.mjs UNITS INDICATORS DIR   writes DIR/iData.csv and DIR/iMeta.csv
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The two tables' text: { iData, iMeta }. */
export function generate(units, indicators, pillars = 10) {
  // mulberry32: a small seeded generator with full 32-bit output.
  let s = 12345;
  const rnd = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const meta = ['Level,iCode,iName,Direction,Weight,Type,Parent'];
  for (let i = 0; i < indicators; i++) {
    meta.push(`1,i${i},Indicator ${i},${i % 7 === 0 ? -1 : 1},1,Indicator,p${i % pillars}`);
  }
  for (let p = 0; p < pillars; p++) meta.push(`2,p${p},Pillar ${p},1,1,Aggregate,index`);
  meta.push('3,index,Synthetic index,1,1,Aggregate,');
  const rows = ['uCode,uName,' + Array.from({ length: indicators }, (_, i) => `i${i}`).join(',')];
  for (let u = 0; u < units; u++) {
    const values = new Array(indicators);
    for (let i = 0; i < indicators; i++) values[i] = rnd() < 0.02 ? '' : (rnd() * 100).toFixed(3);
    rows.push(`U${u},Unit ${u},${values.join(',')}`);
  }
  return { iData: rows.join('\n') + '\n', iMeta: meta.join('\n') + '\n' };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [units, indicators, dir] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
  if (!(units > 0 && indicators > 0 && dir)) {
    console.error('usage: node scripts/gen-index.mjs UNITS INDICATORS DIR');
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  const { iData, iMeta } = generate(units, indicators);
  writeFileSync(join(dir, 'iData.csv'), iData);
  writeFileSync(join(dir, 'iMeta.csv'), iMeta);
}
