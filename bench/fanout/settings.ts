/** The fan-out benchmark's settings, from the environment (see server.ts). */
export const N = Number(process.env.FANOUT_N ?? 1000);
export const MODE = process.env.FANOUT_MODE === 'memory' ? 'memory' : 'latency';
export const RATES = MODE === 'memory' ? [] : (process.env.FANOUT_RATES ?? '1,10,50,100').split(',').map(Number).filter((r) => r > 0);
export const STEP_MS = Number(process.env.FANOUT_STEP_MS ?? 5000);
export const KNEE_RATES = (process.env.FANOUT_KNEE_RATES ?? '15,25,50,100,200,400,800').split(',').map(Number).filter((r) => r > 0);
