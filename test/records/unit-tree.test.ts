/**
 * The hierarchy of a units list: each question answered once, iteratively, with one cycle guard.
 * A province with two communes, one of which has schools; a hand-made cycle; a 6.000-deep chain.
 */
import type { Unit } from '../../src/records/records';
import { UnitTree } from '../../src/records/unit-tree';

const unit = (code: string, parent: string | null): Unit => ({ code, name: `Đơn vị ${code}`, kind: null, parent });
const treeOf = (list: Unit[]) => new UnitTree(new Map(list.map((u) => [u.code, u])));

// QN ─┬─ MC1 ─┬─ TH1
//     │       └─ TH2
//     └─ HL
const QN = treeOf([unit('QN', null), unit('MC1', 'QN'), unit('TH1', 'MC1'), unit('HL', 'QN'), unit('TH2', 'MC1')]);

describe('UnitTree on a province', () => {
  it('climbs: lineage, ancestors, isUnder, childUnder', () => {
    expect(QN.lineage('TH1')).toEqual(['TH1', 'MC1', 'QN']);
    expect(QN.ancestors('TH1')).toEqual(['MC1', 'QN']);
    expect(QN.lineage('XX')).toEqual(['XX']); // not in the list: its own lineage
    expect(QN.isUnder('TH1', 'QN')).toBe(true);
    expect(QN.isUnder('QN', 'QN')).toBe(true);
    expect(QN.isUnder('HL', 'MC1')).toBe(false);
    expect(QN.isUnder('MC1', 'TH1')).toBe(false);
    expect(QN.isUnder('TH2', 'MC1')).toBe(true);
    expect(QN.isUnder('XX', 'QN')).toBe(false);
    expect(QN.childUnder('QN', 'TH2')).toBe('MC1');
    expect(QN.childUnder('QN', 'HL')).toBe('HL');
    expect(QN.childUnder('MC1', 'HL')).toBe(null);
    expect(QN.childUnder('QN', 'QN')).toBe(null);
  });

  it('descends: children in list order, descendants depth first, leaves', () => {
    expect(QN.children('MC1').map((u) => u.code)).toEqual(['TH1', 'TH2']);
    expect(QN.children('TH1')).toEqual([]);
    expect(QN.descendants('QN').map((u) => u.code)).toEqual(['MC1', 'TH1', 'TH2', 'HL']);
    expect(QN.leaves('QN').map((u) => u.code)).toEqual(['TH1', 'TH2', 'HL']);
    expect(QN.descendants('XX')).toEqual([]);
  });

  it.each([
    [['TH1', 'TH2'], 'MC1'],
    [['TH1', 'HL'], 'QN'],
    [['TH1'], 'TH1'],
    [['TH1', 'MC1'], 'MC1'],
    [['MC1', 'TH1', 'TH2'], 'MC1'],
    [['TH2', 'TH1', 'HL', 'MC1'], 'QN'],
    [['TH1', 'XX'], null],
    [[], null],
  ] as [string[], string | null][])('the common ancestor of %j is %s', (codes, expected) => {
    expect(QN.commonAncestor(codes)).toBe(expected);
  });
});

describe('UnitTree on lists a clerk made by hand', () => {
  const cycle = treeOf([unit('A', 'B'), unit('B', 'C'), unit('C', 'A'), unit('D', 'A')]);

  it('a cycle ends every walk, each code once', () => {
    expect(cycle.lineage('D')).toEqual(['D', 'A', 'B', 'C']);
    expect(cycle.isUnder('A', 'X')).toBe(false);
    expect(cycle.isUnder('D', 'B')).toBe(true);
    expect(cycle.childUnder('X', 'A')).toBe(null);
    expect(cycle.descendants('A').map((u) => u.code)).toEqual(['C', 'B', 'D']);
    expect(cycle.commonAncestor(['D', 'B'])).toBe('B');
  });

  it('a parent missing from the list is still above its children', () => {
    const dangling = treeOf([unit('X', 'ZZ'), unit('Y', 'X')]);
    expect(dangling.isUnder('Y', 'ZZ')).toBe(true);
    expect(dangling.isUnder('Y', 'X')).toBe(true);
    expect(dangling.isUnder('X', 'Y')).toBe(false);
    expect(dangling.commonAncestor(['Y', 'X'])).toBe('X');
  });

  const DEPTH = 6000;
  const chain = treeOf(Array.from({ length: DEPTH }, (_, i) => unit(`U${i}`, i === 0 ? 'ROOT' : `U${i - 1}`)));
  const codes = Array.from({ length: DEPTH }, (_, i) => `U${DEPTH - 1 - i}`); // deepest first: the costly order

  it('a 6.000-deep chain: no stack overflow, every walk complete', () => {
    expect(chain.descendants('ROOT')).toHaveLength(DEPTH);
    expect(chain.leaves('ROOT').map((u) => u.code)).toEqual([`U${DEPTH - 1}`]);
    expect(chain.lineage(`U${DEPTH - 1}`)).toHaveLength(DEPTH + 1);
    expect(chain.isUnder(`U${DEPTH - 1}`, 'ROOT')).toBe(true);
    expect(chain.isUnder(`U${DEPTH - 1}`, 'U1')).toBe(true);
    expect(chain.isUnder('U1', `U${DEPTH - 1}`)).toBe(false);
    expect(chain.childUnder('ROOT', `U${DEPTH - 1}`)).toBe('U0');
    expect(chain.commonAncestor(codes)).toBe('U0');
  });
});
