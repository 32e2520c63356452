/**
 * The Cognito user pool and web client from definitions/user-pool.ts — the definition the offline
 * pool serves — with the PreSignUp and PostConfirmation triggers from lambdas/.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { userPool as definition } from '../../../definitions/user-pool.ts';
import { NodeFunction } from '../constructs/node-function.ts';

export interface IdentityStackProps extends StackProps {
  table: dynamodb.ITable;
  production: boolean;
}

export class IdentityStack extends Stack {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly functions: NodeFunction[];

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, props);
    // PreSignUp refuses handles already claimed, so it reads the table.
    const preSignUp = new NodeFunction(this, 'PreSignUp', {
      handler: definition.triggers.preSignUp,
      timeout: Duration.seconds(5),
      environment: { TABLE_NAME: props.table.tableName },
    });
    props.table.grantReadData(preSignUp);
    const postConfirmation = new NodeFunction(this, 'PostConfirmation', {
      handler: definition.triggers.postConfirmation,
      timeout: Duration.seconds(5), // Cognito waits 5 s for a trigger.
      environment: { TABLE_NAME: props.table.tableName },
    });
    props.table.grantWriteData(postConfirmation);
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
    });

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
