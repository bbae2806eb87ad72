/**
 * The template context is a declared schema (src/compose/context-schema.ts): what
 * `--dump-context` prints for real reports is exactly that shape, nothing more, and
 * docs/templates.md lists its fields as the schema describes them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONTEXT_VERSION, contextFields, contextTable, reportContextSchema } from '../../src/compose/context-schema';
import { FIXTURES, lllweek, ROOT } from '../helpers/cli';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lllweek-context-'));
const COMMUNE = path.join(FIXTURES, 'commune');

function dump(cwd: string, extra: string[] = []): unknown {
  const r = lllweek(['report', '.', '--dump-context', ...extra], { cwd });
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

/** The issues zod finds, as `path: message`, so a failure says where. */
const problems = (ctx: unknown) => {
  const r = reportContextSchema.safeParse(ctx);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

test('the ward’s and the Sở’s contexts are the declared shape, version and all', () => {
  for (const dir of [COMMUNE, path.join(FIXTURES, 'province')]) {
    const ctx = dump(dir) as { contextVersion: number };
    expect(problems(ctx)).toEqual([]);
    expect(ctx.contextVersion).toBe(CONTEXT_VERSION);
  }
});

test('with a baseline, the indicators’ baseline and change are the declared shape too', () => {
  const out = tmp();
  expect(lllweek(['report', '.', '--out', out, '--format', 'xlsx'], { cwd: COMMUNE }).status).toBe(0);
  const baseline = path.join(out, fs.readdirSync(out)[0]);
  const ctx = dump(COMMUNE, ['--baseline', baseline]) as { society: { hasBaseline: boolean; indicators: { change: unknown }[] } };
  expect(problems(ctx)).toEqual([]);
  expect(ctx.society.hasBaseline).toBe(true);
  expect(ctx.society.indicators[0].change).toEqual({ rate: 0, numerator: 0 });
});

test('a field the schema does not declare, or a field of the wrong type, is refused', () => {
  const ctx = dump(COMMUNE) as Record<string, unknown>;
  expect(problems({ ...ctx, extra: 1 })).toEqual([': Unrecognized key: "extra"']);
  expect(problems({ ...ctx, year: '2025' })).toEqual(['year: Invalid input: expected number, received string']);
  expect(problems({ ...ctx, contextVersion: CONTEXT_VERSION + 1 })).toHaveLength(1);
});

test('docs/templates.md lists every field of the context, as the schema describes it', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'templates.md'), 'utf8');
  const table = /<!-- context:start -->\n([\s\S]*?)<!-- context:end -->/.exec(doc)?.[1];
  // On a difference: `npm run docs:context` writes the table again.
  expect(table).toBe(contextTable());
  const paths = contextFields().map((f) => f.path);
  expect(paths).toEqual(expect.arrayContaining(['activities.byType[].remoteModes[].lower', 'society.indicators[].change.rate', 'charts.rates', 'photos[].image']));
  expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('docs/templates.md');
});

test('--dump-model prints the document model the templates make, charts and photos by name, and writes nothing', () => {
  const out = tmp();
  const r = lllweek(['report', '.', '--out', out, '--dump-model'], { cwd: COMMUNE });
  expect(r.status).toBe(0);
  expect(fs.readdirSync(out)).toEqual([]);
  const model = JSON.parse(r.stdout) as { title: string; blocks: { type: string; image?: string; items?: { image: string }[]; runs?: { text: string }[] }[] };
  expect(model.title).toBe('BÁO CÁO Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025');
  expect(model.blocks[0].type).toBe('header-block');
  expect(model.blocks.filter((b) => b.type === 'figure').map((b) => b.image)).toEqual(['chart-activities', 'chart-rates']);
  expect(model.blocks.find((b) => b.type === 'gallery')!.items!.map((i) => i.image)).toEqual(['photo-1', 'photo-2', 'photo-3', 'photo-4', 'photo-5', 'photo-6']);
  expect(model.blocks.filter((b) => b.type === 'heading').map((b) => b.runs!.map((x) => x.text).join(''))).toEqual([
    'I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI', 'II. KẾT QUẢ TỔ CHỨC CÁC HOẠT ĐỘNG', 'III. KẾT QUẢ XÂY DỰNG XÃ HỘI HỌC TẬP',
    'IV. ĐÁNH GIÁ CHUNG', 'V. ĐỀ XUẤT, KIẾN NGHỊ', 'HÌNH ẢNH TIÊU BIỂU',
  ]);
});
