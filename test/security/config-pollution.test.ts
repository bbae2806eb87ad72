/**
 * Config keys cannot pollute objects: `__proto__`, `constructor.prototype` and friends in
 * lllweek.yaml, at the top level or nested, are what any key outside config.md is: a config error
 * naming the field (exit 2), and Object.prototype is untouched afterwards. Keys that name
 * Object.prototype's members used as catalogue keys (an activity type called `constructor`) do not
 * break the report either.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfigText } from '../../src/config/load';
import { Fatal } from '../../src/fatal';
import { expectNoStack, lllweek } from '../helpers/cli';
import { activitiesCsv, tmpDir } from './helpers';

/** Each attack, and the field its config error names. */
const ATTACKS: Record<string, [yaml: string, field: string]> = {
  '__proto__ at the top': ['__proto__:\n  polluted: 1\n', '__proto__'],
  'quoted "__proto__"': ['"__proto__":\n  polluted: 1\n', '__proto__'],
  '__proto__ in a flow map': ['{ "__proto__": { "polluted": 1 } }\n', '__proto__'],
  'constructor.prototype': ['constructor:\n  prototype:\n    polluted: 1\n', 'constructor'],
  '__proto__ nested in agency': ['agency:\n  name: UBND phường\n  __proto__:\n    polluted: 1\n', 'agency.__proto__'],
  'constructor.prototype nested in email': ['email:\n  constructor:\n    prototype:\n      polluted: 1\n', 'email.constructor'],
  '__proto__ inside a list item': ['units:\n  - code: X1\n    name: Phường Thử\n    __proto__:\n      polluted: 1\n', 'units.0.__proto__'],
  'merge key from an anchor': ['base: &b\n  polluted: 1\nagency:\n  <<: *b\n', 'agency.<<'],
  '__proto__ through a merge key': ['p: &p\n  __proto__:\n    polluted: 1\nagency:\n  <<: *p\n', 'agency.<<'],
  'prototype of Object via a flow key': ['{ constructor: { prototype: { polluted: 1 } }, year: 2025 }\n', 'constructor'],
};

function clean(): void {
  for (const o of [Object.prototype, Array.prototype, Function.prototype] as unknown as Record<string, unknown>[]) delete o.polluted;
}

function expectUnpolluted(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect((Object.create(null) as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
}

describe('parseConfigText (in-process)', () => {
  afterEach(clean);

  it.each(Object.keys(ATTACKS))('%s: a config error naming the field, never a polluted prototype', (name) => {
    const [yaml, field] = ATTACKS[name];
    let error: unknown;
    try {
      parseConfigText(yaml, 'lllweek.yaml');
    } catch (e) {
      error = e;
    }
    expectUnpolluted();
    expect(error).toBeInstanceOf(Fatal);
    expect({ key: (error as Fatal).key, params: (error as Fatal).params }).toEqual({ key: 'config-field', params: { label: field, expected: 'unknownField' } });
  });
});

describe('lllweek with such a config (a process)', () => {
  const dir = tmpDir('lllweek-config-');
  beforeAll(() => {
    fs.writeFileSync(path.join(dir, 'hd.csv'), activitiesCsv([{}]));
  });

  it.each(['__proto__ at the top', 'constructor.prototype', '__proto__ nested in agency'])('%s: exit 2 naming the field, no stack', (name) => {
    const [yaml, field] = ATTACKS[name];
    fs.writeFileSync(path.join(dir, 'lllweek.yaml'), yaml);
    const r = lllweek(['validate', 'hd.csv'], { cwd: dir });
    expectNoStack(r);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`lllweek: Config field "${field}" is wrong: expected no such field (lllweek init writes a commented example)\n`);
  });

  it('activity types and indicators keyed after Object.prototype members (constructor, toString, hasOwnProperty) report cleanly', () => {
    fs.writeFileSync(
      path.join(dir, 'lllweek.yaml'),
      [
        'year: 2025',
        'activity_types:',
        '  - { key: constructor, label: Tuyên truyền }',
        '  - { key: tostring, label: Hội nghị }',
        '  - { key: hasownproperty, label: Khác }',
        'indicators:',
        '  - { key: constructor, label: Gia đình học tập, numerator: families_learning, denominator: families_total }',
        '',
      ].join('\n'),
    );
    const out = tmpDir('lllweek-config-out-');
    const r = lllweek(['report', '.', '--out', out, '--force'], { cwd: dir });
    expectNoStack(r);
    expect(r.status).toBe(0);
    expect(fs.readdirSync(out).filter((f) => /\.(docx|xlsx)$/.test(f))).toHaveLength(2);
  });

  it('unit codes named __proto__, constructor, toString in the units list, activities and tallies: checked and reported like any code', () => {
    const data = tmpDir('lllweek-keys-');
    fs.mkdirSync(path.join(data, 'in'));
    fs.writeFileSync(
      path.join(data, 'in', 'units.csv'),
      'Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên\n__proto__,Tỉnh A,tỉnh,\nconstructor,Xã B,xã,__proto__\ntoString,Xã C,xã,constructor\nhasOwnProperty,Xã D,xã,__proto__\n',
    );
    fs.writeFileSync(
      path.join(data, 'in', 'hd.csv'),
      activitiesCsv([{ code: 'constructor', name: 'Xã B' }, { code: '__proto__', name: 'Tỉnh A' }, { code: 'toString', name: 'Xã C' }, { code: 'valueOf', name: 'Xã E' }]),
    );
    fs.writeFileSync(
      path.join(data, 'in', 'xh.csv'),
      'Mã đơn vị,Tên đơn vị,Dân số,Tổng số hộ gia đình,Gia đình học tập\n__proto__,Tỉnh A,100,50,40\nconstructor,Xã B,100,50,40\ntoString,Xã C,100,50,40\n',
    );
    fs.writeFileSync(path.join(data, 'lllweek.yaml'), 'agency:\n  unit: __proto__\n  name: UBND tỉnh A\n');
    const v = lllweek(['validate', 'in', '--format', 'json'], { cwd: data });
    expectNoStack(v);
    const issues = JSON.parse(v.stdout).issues as { code: string; value: string }[];
    // valueOf is not in the list (it is not "found" on a prototype); the others are.
    expect(issues.map((i) => [i.code, i.value])).toEqual([['unit-unknown', 'valueOf']]);
    const out = tmpDir('lllweek-keys-out-');
    const r = lllweek(['report', 'in', '--out', out, '--force'], { cwd: data });
    expectNoStack(r);
    expect(r.status).toBe(1);
    expect(fs.readdirSync(out).filter((f) => /\.(docx|xlsx)$/.test(f))).toHaveLength(2);
  });
});
