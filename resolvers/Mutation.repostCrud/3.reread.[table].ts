export { rereadRequest as request, rereadResponse as response } from '../lib/edges.ts';
