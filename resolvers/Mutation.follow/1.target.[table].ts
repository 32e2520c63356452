export { targetRequest as request, targetResponse as response } from '../lib/follows.ts';
