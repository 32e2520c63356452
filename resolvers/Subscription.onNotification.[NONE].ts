export { ownRecipientRequest as request, ownRecipientResponse as response } from './lib/subscriptions.ts';
