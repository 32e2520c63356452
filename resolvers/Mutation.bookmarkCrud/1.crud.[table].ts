export { readCrudRequest as request, readCrudResponse as response } from '../lib/edges.ts';
