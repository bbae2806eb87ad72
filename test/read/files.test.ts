import * as fs from 'fs';
import * as path from 'path';
import { compareCodePoints, expandInputs } from '../../src/read/files';
import { tmpDir, write } from './helpers';

describe('expandInputs', () => {
  const root = tmpDir();
  const inbox = path.join(root, 'inbox');
  beforeAll(() => {
    for (const name of [
      'b.csv',
      'B.XLSX', // upper case: code point order puts it before lower case (a locale sort would not)
      'a.xls',
      'c.ods', // LibreOffice
      'd.XLSM', // macro-enabled
      'notes.txt', // not a table extension: left out of folders
      '~$b.xlsx', // Excel's lock file
      '.hidden.csv',
      '.git/x.csv', // hidden folder
      'xã-hải-hòa/hoạt động.csv', // nested, Vietnamese names
      'xã-hải-hòa/Z.Csv',
      'sub/deeper/t.xlsx',
    ]) {
      write(inbox, name, 'x');
    }
    fs.symlinkSync(inbox, path.join(inbox, 'sub', 'loop')); // a linked folder (here back up the tree) is not followed
    fs.symlinkSync(path.join(inbox, 'b.csv'), path.join(inbox, 'sub', 'linked.csv')); // a linked file is
  });

  test('a folder: table files only, recursively, sorted by code point, paths as given', async () => {
    const { files, missing } = await expandInputs([inbox]);
    expect(missing).toEqual([]);
    const rel = files.map((f) => path.relative(inbox, f));
    expect(rel).toEqual([
      'B.XLSX',
      'a.xls',
      'b.csv',
      'c.ods',
      'd.XLSM',
      path.join('sub', 'deeper', 't.xlsx'),
      path.join('sub', 'linked.csv'),
      path.join('xã-hải-hòa', 'Z.Csv'),
      path.join('xã-hải-hòa', 'hoạt động.csv'),
    ]);
    expect(files.every((f) => f.startsWith(inbox + path.sep))).toBe(true);
  });

  test('the folder path is kept as typed (relative, trailing slash)', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const { files } = await expandInputs(['./inbox/sub/']);
      expect(files).toEqual(['./inbox/sub/deeper/t.xlsx', './inbox/sub/linked.csv']);
    } finally {
      process.chdir(cwd);
    }
  });

  test('a file argument is taken whatever its name; missing arguments are reported; duplicates read once', async () => {
    const notes = path.join(inbox, 'notes.txt');
    const gone = path.join(root, 'gone.xlsx');
    const { files, missing } = await expandInputs([notes, gone, path.join(inbox, 'xã-hải-hòa'), notes, path.join(inbox, 'xã-hải-hòa', 'Z.Csv')]);
    expect(files).toEqual([notes, path.join(inbox, 'xã-hải-hòa', 'Z.Csv'), path.join(inbox, 'xã-hải-hòa', 'hoạt động.csv')]);
    expect(missing).toEqual([gone]);
  });
});

describe('compareCodePoints', () => {
  test('orders by code point, also above the BMP', () => {
    const items = ['b', 'a', 'B', '\uff5e', '\u{1f600}', 'ă', 'a\u{10000}', 'a\uffff'];
    expect([...items].sort(compareCodePoints)).toEqual(['B', 'a', 'a\uffff', 'a\u{10000}', 'b', 'ă', '\uff5e', '\u{1f600}']);
  });
});
