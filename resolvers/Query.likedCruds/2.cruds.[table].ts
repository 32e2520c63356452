export { crudsByIdRequest as request, crudsByIdResponse as response } from '../lib/crud-batch.ts';
