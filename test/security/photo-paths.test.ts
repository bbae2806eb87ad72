/**
 * Photo paths cannot leave the submission's folder: `..`, absolute POSIX and Windows paths, UNC
 * shares and symbolic links (to a file or a folder) pointing out are `photo-outside` errors, and
 * a forced report does not embed the file they point at. Every target exists and is a real
 * JPEG, so "refused" cannot be mistaken for "not found".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { expectNoStack, lllweek } from '../helpers/cli';
import { checkFiles } from '../../src/validate/run';
import { checkPhoto } from '../../src/validate/checks/photos';
import { activitiesCsv, DROP, jpeg, outputFile, SETTINGS, tmpDir, zipParts, type Row } from './helpers';

const MAGENTA = { r: 255, g: 0, b: 255 };
const GREEN = { r: 20, g: 200, b: 40 };

const root = tmpDir('lllweek-photos-');
/** root/outside/secret.jpg: the file an attacker wants in the report. */
const outside = path.join(root, 'outside');
const secret = path.join(outside, 'secret.jpg');
/** root/inbox/unit: the submission; the report is made from root/inbox. */
const inbox = path.join(root, 'inbox');
const unit = path.join(inbox, 'unit');
const csv = path.join(unit, 'hoat-dong.csv');

const ATTACKS: Record<string, string> = {
  'parent folder': '../x.jpg',
  'parent, Windows separators': '..\\x.jpg',
  'two levels up': '../../etc/passwd',
  'into a folder and back out': 'anh/../../x.jpg',
  'absolute POSIX': '/etc/hosts',
  'absolute path to a real JPEG': secret,
  'Windows drive': 'C:\\Windows\\x.jpg',
  'Windows drive, forward slashes': 'C:/Windows/x.jpg',
  'UNC share': '\\\\server\\share\\x.jpg',
  'UNC share, forward slashes': '//server/share/x.jpg',
  'symlink to a file outside': 'link.jpg',
  'symlink to a folder outside': 'linkdir/secret.jpg',
};
const names = Object.keys(ATTACKS);
/** Row of each attack in the CSV (header on line 1, the honest photo on line 2). */
const rowOf = (name: string) => 3 + names.indexOf(name);

beforeAll(async () => {
  fs.mkdirSync(outside, { recursive: true });
  fs.mkdirSync(path.join(unit, 'anh'), { recursive: true });
  fs.mkdirSync(path.join(root, 'etc'), { recursive: true });
  const evil = await jpeg(123, 77, MAGENTA);
  fs.writeFileSync(secret, evil);
  fs.writeFileSync(path.join(inbox, 'x.jpg'), evil); // what `../x.jpg` reaches
  fs.writeFileSync(path.join(root, 'etc', 'passwd'), evil); // what `../../etc/passwd` reaches
  fs.writeFileSync(path.join(unit, 'anh', 'ok.jpg'), await jpeg(90, 60, GREEN));
  fs.symlinkSync(secret, path.join(unit, 'link.jpg'));
  fs.symlinkSync(outside, path.join(unit, 'linkdir'));
  const rows: Row[] = [{ photos: 'anh/ok.jpg', caption: 'Ảnh thật' }, ...names.map((n) => ({ photos: ATTACKS[n], caption: n }))];
  fs.writeFileSync(csv, activitiesCsv(rows));
});

describe('photo paths that leave the submission folder', () => {
  let issues: Awaited<ReturnType<typeof checkFiles>>['issues'];
  beforeAll(async () => {
    issues = (await checkFiles([csv], SETTINGS, DROP)).issues;
  });

  it('the honest photo next to the table is accepted (control)', () => {
    expect(issues.filter((i) => i.row === 2)).toEqual([]);
    expect(checkPhoto('anh/ok.jpg', csv)).toEqual({ ok: true, path: fs.realpathSync(path.join(unit, 'anh', 'ok.jpg')) });
  });

  it.each(names)('%s → photo-outside (error)', (name) => {
    const mine = issues.filter((i) => i.row === rowOf(name));
    expect(mine.map((i) => [i.code, i.severity, i.column])).toEqual([['photo-outside', 'error', 'photos']]);
    expect(checkPhoto(ATTACKS[name], csv)).toEqual({ ok: false, code: 'photo-outside' });
  });
});

describe('a forced report', () => {
  const out = tmpDir('lllweek-photos-out-');
  let run: ReturnType<typeof lllweek>;
  beforeAll(() => {
    run = lllweek(['report', 'inbox', '--out', out, '--force'], { cwd: root });
  });

  /** Mean colour of every image in a docx/xlsx's media folder. */
  async function mediaColours(file: string, folder: string): Promise<{ name: string; r: number; g: number; b: number }[]> {
    const parts = zipParts(file);
    const media = Object.keys(parts).filter((n) => n.startsWith(folder) && /\.(jpe?g|png)$/i.test(n));
    return Promise.all(
      media.map(async (name) => {
        const { channels } = await sharp(Buffer.from(parts[name])).stats();
        return { name, r: channels[0].mean, g: channels[1].mean, b: channels[2].mean };
      }),
    );
  }
  const isMagenta = (c: { r: number; g: number; b: number }) => c.r > 180 && c.g < 80 && c.b > 180;
  const isGreen = (c: { r: number; g: number; b: number }) => c.g > 150 && c.r < 80 && c.b < 90;

  it('is written (exit 1: errors forced), without a stack', () => {
    expect(run.status).toBe(1);
    expectNoStack(run);
  });

  it('embeds the honest photo in the .docx but none of the files outside', async () => {
    const colours = await mediaColours(outputFile(out, 'docx'), 'word/media/');
    expect(colours.some(isGreen)).toBe(true);
    expect(colours.filter(isMagenta)).toEqual([]);
    const secretBytes = fs.readFileSync(secret);
    const parts = zipParts(outputFile(out, 'docx'));
    for (const [name, data] of Object.entries(parts)) expect({ name, same: Buffer.from(data).equals(secretBytes) }).toEqual({ name, same: false });
  });

  it('and none in the .xlsx either', async () => {
    const colours = await mediaColours(outputFile(out, 'xlsx'), 'xl/media/');
    expect(colours.filter(isMagenta)).toEqual([]);
  });
});
