import { columnsOf, type Column, type TableKind } from '../catalog/columns';
import type { Indicator } from '../catalog/indicators';
import type { CellValue, RawRow } from '../read/types';
import { matchKey } from '../text/normalize';

/** How far down a form the header row may sit (inputs.md: the first 20 rows). */
export const HEADER_SEARCH_ROWS = 20;
const KINDS: TableKind[] = ['activities', 'tallies', 'units'];

/** matchKey(label or English key) → column, per table kind. */
export type LabelIndex = Record<TableKind, Map<string, Column>>;

export function buildLabelIndex(indicators: Indicator[]): LabelIndex {
  const index = {} as LabelIndex;
  for (const kind of KINDS) {
    const m = new Map<string, Column>();
    for (const col of columnsOf(kind, indicators)) {
      for (const label of [...col.labels, col.key]) m.set(matchKey(label), col);
    }
    index[kind] = m;
  }
  return index;
}

/** A column key every kind knows tells nothing about which kind a table is. */
function sharedKeys(index: LabelIndex): Set<string> {
  const all = KINDS.map((k) => new Set([...index[k].keys()]));
  return new Set([...all[0]].filter((lbl) => all.every((s) => s.has(lbl))));
}

function cellLabel(v: CellValue): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  return null;
}

export interface HeaderMatch {
  kind: TableKind;
  row: RawRow;
  /** The header labels by column index, as written. */
  labels: (string | null)[];
}

/**
 * The header row is the first of the first 20 rows whose cells match at least two known labels;
 * its kind is the one whose own (not shared) labels it matches most. A header whose only matches
 * are shared labels (Mã đơn vị, Tên đơn vị) names no kind.
 */
export function matchHeader(row: RawRow, index: LabelIndex): HeaderMatch | 'candidate' | null {
  const labels = row.cells.map(cellLabel);
  const keys = labels.map((l) => (l ? matchKey(l) : ''));
  const known = keys.filter((k) => k && KINDS.some((kind) => index[kind].has(k)));
  if (known.length < 2) return null;
  const shared = sharedKeys(index);
  let best: TableKind | null = null;
  let bestScore = 0;
  for (const kind of KINDS) {
    const score = keys.filter((k) => k && !shared.has(k) && index[kind].has(k)).length;
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  return best ? { kind: best, row, labels } : 'candidate';
}

export interface ColumnMapping {
  /** Column index → column, for the columns that map to a key. */
  byIndex: (Column | undefined)[];
  /** Key → column index. */
  index: Map<string, number>;
  unknown: { col: number; label: string }[];
  duplicates: { col: number; label: string; first: number; column: Column }[];
  missing: Column[];
}

export function mapColumns(match: HeaderMatch, index: LabelIndex, indicators: Indicator[]): ColumnMapping {
  const byKey = index[match.kind];
  const mapping: ColumnMapping = { byIndex: [], index: new Map(), unknown: [], duplicates: [], missing: [] };
  match.labels.forEach((label, col) => {
    if (!label) return;
    const column = byKey.get(matchKey(label));
    if (!column) {
      mapping.unknown.push({ col, label });
      return;
    }
    const first = mapping.index.get(column.key);
    if (first !== undefined) {
      mapping.duplicates.push({ col, label, first, column });
      return;
    }
    mapping.index.set(column.key, col);
    mapping.byIndex[col] = column;
  });
  mapping.missing = columnsOf(match.kind, indicators).filter((c) => c.required && !mapping.index.has(c.key));
  return mapping;
}
