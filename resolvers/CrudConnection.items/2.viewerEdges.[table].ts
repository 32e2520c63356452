export { edgesRequest as request, edgesResponse as response } from '../lib/hydrate.ts';
