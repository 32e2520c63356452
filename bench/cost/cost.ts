/**
 * `npm run cost`: the cost model from the latest `npm run bench` counts (bench/cost/measured.json),
 * or from the checked-in defaults when there are none.
 */
import { loadMeasured } from './measured.ts';
import { costReport } from './report.ts';

console.log(costReport(loadMeasured()));
