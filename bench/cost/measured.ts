/**
 * The per-operation counts the cost model needs, as `npm run bench` measures them (bench/scale
 * writes bench/cost/measured.json); `defaults.json` holds one such measurement, checked in, used
 * when no fresher file exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FanoutCounts {
  followers: number;
  /** DynamoDB calls the fan-out consumer made for one post, by command. */
  calls: Record<string, number>;
  readUnits: number;
  writeUnits: number;
  /** Items the consumer wrote, by type (FEED rows = followers + the author). */
  itemsWritten: Record<string, number>;
}

export interface Measured {
  /** Where the numbers come from (a bench run and its date, or the checked-in defaults). */
  source: string;
  homeFeedRead: { calls: Record<string, number>; readUnits: number };
  fanout: FanoutCounts[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const measuredFile = path.join(here, 'measured.json');
export const defaultsFile = path.join(here, 'defaults.json');

/** The latest measurement, or the checked-in defaults (labelled as such). */
export function loadMeasured(): Measured {
  const file = fs.existsSync(measuredFile) ? measuredFile : defaultsFile;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Measured;
}
