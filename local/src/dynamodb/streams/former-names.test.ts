import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adoptFormerFile } from './former-names.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'former-names-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (file: string, text: string) => fs.writeFileSync(path.join(dir, file), text);
const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

describe('adoptFormerFile', () => {
  it('takes over the checkpoint kept under a former name', () => {
    write('fanout.checkpoint.json', '{"position":"42"}');
    expect(adoptFormerFile(dir, 'feed-fanout', ['fanout'], '.checkpoint.json')).toBe('fanout');
    expect(read('feed-fanout.checkpoint.json')).toBe('{"position":"42"}');
    expect(fs.existsSync(path.join(dir, 'fanout.checkpoint.json'))).toBe(false);
  });

  it('never overwrites a file under the current name', () => {
    write('fanout.checkpoint.json', '{"position":"1"}');
    write('feed-fanout.checkpoint.json', '{"position":"2"}');
    expect(adoptFormerFile(dir, 'feed-fanout', ['fanout'], '.checkpoint.json')).toBeUndefined();
    expect(read('feed-fanout.checkpoint.json')).toBe('{"position":"2"}');
  });

  it('does nothing without former names or files', () => {
    expect(adoptFormerFile(dir, 'publish', undefined, '.checkpoint.json')).toBeUndefined();
    expect(adoptFormerFile(dir, 'publish', ['live'], '.checkpoint.json')).toBeUndefined();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
