/**
 * The Cognito user pool and web client from definitions/user-pool.ts — the definition the offline
 * pool serves — with the PreSignUp and PostConfirmation triggers from lambdas/.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { userPool as definition } from '../../../definitions/user-pool.ts';
import { addAppFunctions } from '../constructs/app-functions.ts';
import type { NodeFunction } from '../constructs/node-function.ts';
import { acknowledge } from '../nag/nag.ts';

export interface IdentityStackProps extends StackProps {
  table: dynamodb.ITable;
  production: boolean;
  /** Cognito threat protection (ENFORCED): needs the Plus feature plan, billed per MAU with no free tier. */
  threatProtection?: boolean;
}

export class IdentityStack extends Stack {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly functions: NodeFunction[];

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, props);
    // The triggers, made from definitions/functions.ts (handlers, environments, timeouts, grants).
    const { preSignUp, postConfirmation } = addAppFunctions(this, 'identity', { table: props.table, values: { tableName: props.table.tableName } });
    if (!preSignUp || !postConfirmation) throw new Error('definitions/functions.ts: the Cognito triggers are not placed in the identity stack');
    this.functions = [preSignUp, postConfirmation];

    const standardAttributes: cognito.StandardAttributes = {};
    const names = { email: 'email', name: 'fullname', preferred_username: 'preferredUsername' } as const;
    for (const attribute of definition.standardAttributes) {
      Object.assign(standardAttributes, { [names[attribute.name]]: { required: attribute.required, mutable: attribute.mutable } });
    }
    const policy = definition.passwordPolicy;
    this.userPool = new cognito.UserPool(this, definition.logicalName, {
      selfSignUpEnabled: true,
      signInAliases: { email: definition.usernameAttributes.includes('email'), username: false },
      signInCaseSensitive: definition.caseSensitiveUsername,
      autoVerify: { email: definition.autoVerifiedAttributes.includes('email') },
      standardAttributes,
      passwordPolicy: {
        minLength: policy.minimumLength,
        requireLowercase: policy.requireLowercase,
        requireUppercase: policy.requireUppercase,
        requireDigits: policy.requireNumbers,
        requireSymbols: policy.requireSymbols,
        tempPasswordValidity: Duration.days(policy.temporaryPasswordValidityDays),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      lambdaTriggers: { preSignUp, postConfirmation },
      deletionProtection: props.production,
      removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      featurePlan: props.threatProtection ? cognito.FeaturePlan.PLUS : cognito.FeaturePlan.ESSENTIALS,
      standardThreatProtectionMode: props.threatProtection ? cognito.StandardThreatProtectionMode.FULL_FUNCTION : undefined,
    });
    if (!props.threatProtection) {
      acknowledge(this.userPool, 'AwsSolutions-COG8', 'Essentials by default: Plus (threat protection) costs $0.02/MAU with no free tier; turn on with -c threatProtection=true.');
    }
    acknowledge(this.userPool, 'AwsSolutions-COG2', 'Open sign-up micro-blogging: MFA is not required of every user; the offline pool and web client use SRP without MFA.');

    const client = definition.client;
    this.client = this.userPool.addClient(client.logicalName, {
      authFlows: {
        userSrp: client.authFlows.includes('USER_SRP_AUTH'),
        userPassword: client.authFlows.includes('USER_PASSWORD_AUTH'),
      },
      generateSecret: false,
      accessTokenValidity: Duration.minutes(client.accessTokenValidityMinutes),
      idTokenValidity: Duration.minutes(client.idTokenValidityMinutes),
      refreshTokenValidity: Duration.days(client.refreshTokenValidityDays),
      preventUserExistenceErrors: client.preventUserExistenceErrors,
      enableTokenRevocation: client.enableTokenRevocation,
    });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.client.userPoolClientId });
  }
}
