export { passInput as request, passResult as response } from './lib/publish.ts';
