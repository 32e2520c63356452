/**
 * Marks every notification read with one write: the profile remembers the newest notification id
 * at this moment (`notificationsReadUpTo`) and resets the unread counter.
 */
export { callerRequest as request } from '../lib/pipeline.ts';

export function response() {
  return true;
}
