export { crudsRequest as request, crudsResponse as response } from '../lib/related.ts';
