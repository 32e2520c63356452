/**
 * Cognito PostConfirmation trigger: creates the user's profile (`USER#<sub>`/`PROFILE`) and claims
 * the handle (`HANDLE#<lowercase>`/`HANDLE`), with its name-search rows, in ONE TransactWriteItems, so a profile never exists
 * without its unique handle. Idempotent: Cognito may retry a trigger, so a profile that already
 * exists for this sub counts as success. Ignores ConfirmForgotPassword confirmations.
 */
import { GetItemCommand, TransactionCanceledException, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { instrument, powertools } from '../shared/powertools.ts';
import { dynamoClient, tableName } from '../shared/table.ts';
import type { PostConfirmationTriggerEvent } from './event.ts';
import { profileItems } from './profile.ts';

const tools = powertools('cognito-post-confirmation');
const { logger } = tools;

async function handle(event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> {
  if (event.triggerSource !== 'PostConfirmation_ConfirmSignUp') return event;
  const attributes = event.request.userAttributes;
  const sub = attributes.sub;
  const handle = attributes.preferred_username;
  if (!sub || !handle) throw new Error('sub and preferred_username are required');
  const { profile, claim, nameRows } = profileItems(sub, handle, attributes.name ?? handle, new Date());
  const TableName = tableName();
  try {
    await dynamoClient().send(
      new TransactWriteItemsCommand({
        TransactItems: [
          // Never overwrite a profile: its counters may have moved since.
          { Put: { TableName, Item: marshall(profile), ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Put: {
              TableName,
              Item: marshall(claim),
              ConditionExpression: 'attribute_not_exists(pk) OR userId = :sub',
              ExpressionAttributeValues: marshall({ ':sub': sub }),
            },
          },
          // Search by name (definitions/name-search.ts): written with the profile, so a new user is found at once.
          ...nameRows.map((row) => ({ Put: { TableName, Item: marshall(row) } })),
        ],
      }),
    );
    logger.info('profile created', { sub, handle });
  } catch (err) {
    if (!(err instanceof TransactionCanceledException)) throw err;
    const existing = await dynamoClient().send(
      new GetItemCommand({ TableName, Key: marshall({ pk: profile.pk, sk: profile.sk }), ConsistentRead: true, ProjectionExpression: 'id' }),
    );
    if (existing.Item) {
      logger.info('profile already exists (retry)', { sub });
      return event;
    }
    logger.warn('handle claimed by another user', { sub, handle });
    throw new Error(`Handle ${handle} is already taken`);
  }
  return event;
}

/** The Lambda entry point: `handle` with Powertools logging context, cold-start and error metrics, tracing. */
export const handler = instrument(tools, handle);
