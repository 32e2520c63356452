/** Insights end to end on the offline stack with its embedded Postgres (PGlite): see insights-scenario.ts. */
import { describeInsightsScenario } from './testing/insights-scenario.ts';

describeInsightsScenario('the offline stack with PGlite', async () => undefined);
