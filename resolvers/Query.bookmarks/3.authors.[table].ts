export { authorsRequest as request, authorsResponse as response } from '../lib/hydrate.ts';
