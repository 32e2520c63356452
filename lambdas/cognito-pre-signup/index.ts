/**
 * Cognito PreSignUp trigger: refuses a sign-up whose name is not a valid display name, or whose
 * handle (preferred_username) is malformed or already claimed, so the user hears it at sign-up rather than after confirming. Cognito reports
 * a throw as UserLambdaValidationException "PreSignUp failed with error <message>.".
 * The claim itself is written by PostConfirmation in a conditional transaction, which settles
 * the race between two unconfirmed sign-ups for the same handle.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { PreSignUpTriggerEvent } from './event.ts';
import { handleKey } from '../../definitions/keys.ts';
import { handlePattern } from '../../definitions/handle.ts';
import { checkText, textProblemMessage, TEXT_LIMITS } from '../../definitions/text.ts';
import { instrument, powertools } from '../shared/powertools.ts';
import { dynamoClient, tableName } from '../shared/table.ts';

const tools = powertools('cognito-pre-signup');
const { logger } = tools;

async function handle(event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> {
  logger.info('pre sign-up', { triggerSource: event.triggerSource, userName: event.userName });
  const handle = event.request.userAttributes.preferred_username ?? '';
  if (!handlePattern.test(handle)) {
    throw new Error('Handle must be 3 to 20 letters, digits or underscores');
  }
  // The name becomes the profile's display name: it obeys the display name's rule (definitions/text.ts).
  const name = checkText(event.request.userAttributes.name, TEXT_LIMITS.displayName);
  if (name.problem !== null) throw new Error(textProblemMessage('Name', name.problem, TEXT_LIMITS.displayName));
  const claim = await dynamoClient().send(
    new GetItemCommand({ TableName: tableName(), Key: marshall(handleKey(handle)), ConsistentRead: true, ProjectionExpression: 'pk' }),
  );
  if (claim.Item) {
    logger.info('handle taken', { handle });
    throw new Error(`Handle ${handle} is already taken`);
  }
  return event;
}

/** The Lambda entry point: `handle` with Powertools logging context, cold-start and error metrics, tracing. */
export const handler = instrument(tools, handle);
