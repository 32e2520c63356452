export { handleStepRequest as request, handleStepResponse as response } from '../lib/handles.ts';
