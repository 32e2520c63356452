/**
 * What tells the team something is wrong or costly: alarms on API 5xx, Lambda errors, stream
 * iterator age and the authorizer's session check, a dashboard, and a monthly budget with an email alert.
 */
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as budgets from 'aws-cdk-lib/aws-budgets';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as appsync from 'aws-cdk-lib/aws-appsync';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';

export interface OperationsStackProps extends StackProps {
  api: appsync.IGraphqlApi;
  functions: lambda.IFunction[];
  /** Stream consumers: their iterator age says whether feeds and notifications lag. */
  streamConsumers: lambda.IFunction[];
  alertEmail?: string;
  monthlyBudgetUsd: number;
}

export class OperationsStack extends Stack {
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperationsStackProps) {
    super(scope, id, props);
    const topic = new sns.Topic(this, 'Alerts', { enforceSSL: true });
    if (props.alertEmail) topic.addSubscription(new subscriptions.EmailSubscription(props.alertEmail));
    const alarmAction = new actions.SnsAction(topic);

    const apiMetric = (metricName: string, statistic: string) =>
      new cloudwatch.Metric({ namespace: 'AWS/AppSync', metricName, dimensionsMap: { GraphQLAPIId: props.api.apiId }, statistic, period: Duration.minutes(5) });
    const api5xx = apiMetric('5XXError', 'Sum');
    this.alarm('Api5xx', api5xx, 5, 'AppSync returned 5xx errors', alarmAction);

    for (const fn of props.functions) {
      this.alarm(`${fn.node.id}Errors`, fn.metricErrors({ period: Duration.minutes(5) }), 1, `${fn.node.id} failed`, alarmAction);
    }
    // While Cognito cannot be asked, the authorizer admits tokens on their signature alone, so a
    // revoked one may pass (decision 013). Powertools' EMF metric; `service` is the function's id.
    const sessionCheckUnavailable = new cloudwatch.Metric({
      namespace: 'Cruddur',
      metricName: 'SessionCheckUnavailable',
      dimensionsMap: { service: 'Authorizer' },
      statistic: 'Sum',
      period: Duration.minutes(5),
    });
    this.alarm('SessionCheckUnavailable', sessionCheckUnavailable, 1, 'The authorizer could not ask Cognito about revocation; revoked tokens may be admitted', alarmAction);
    for (const fn of props.streamConsumers) {
      const iteratorAge = new cloudwatch.Metric({
        namespace: 'AWS/Lambda',
        metricName: 'IteratorAge',
        dimensionsMap: { FunctionName: fn.functionName },
        statistic: 'Maximum',
        period: Duration.minutes(1),
      });
      this.alarm(`${fn.node.id}IteratorAge`, iteratorAge, 60_000, `${fn.node.id} is over a minute behind the stream`, alarmAction);
    }

    new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-cruddur`,
      widgets: [
        [
          new cloudwatch.GraphWidget({ title: 'API 5xx / 4xx', left: [api5xx, apiMetric('4XXError', 'Sum')] }),
          new cloudwatch.GraphWidget({ title: 'API latency p99', left: [apiMetric('Latency', 'p99')] }),
        ],
        [new cloudwatch.GraphWidget({ title: 'Lambda errors', left: props.functions.map((fn) => fn.metricErrors()) })],
      ],
    });

    new budgets.CfnBudget(this, 'MonthlyBudget', {
      budget: {
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: props.monthlyBudgetUsd, unit: 'USD' },
      },
      notificationsWithSubscribers: props.alertEmail
        ? [
            {
              notification: { notificationType: 'ACTUAL', comparisonOperator: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE' },
              subscribers: [{ subscriptionType: 'EMAIL', address: props.alertEmail }],
            },
            {
              notification: { notificationType: 'FORECASTED', comparisonOperator: 'GREATER_THAN', threshold: 100, thresholdType: 'PERCENTAGE' },
              subscribers: [{ subscriptionType: 'EMAIL', address: props.alertEmail }],
            },
          ]
        : [],
    });
  }

  private alarm(id: string, metric: cloudwatch.IMetric, threshold: number, description: string, action: cloudwatch.IAlarmAction): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(action);
    this.alarms.push(alarm);
  }
}
