/**
 * AWS WAF in front of the AppSync API. AppSync evaluates the web ACL before any authorization
 * (AppSync Developer Guide, "Using AWS WAF to protect your AWS AppSync APIs"), so a flood is
 * stopped before it invokes the Lambda authorizer or reaches DynamoDB. Two rules, both cheap
 * ($5/month per web ACL + $1/month per rule + $0.60 per million requests): a per-IP rate limit
 * and Amazon's IP reputation list. No body-inspecting rule sets: cruds are free text, and the
 * common rule set's XSS/SQLi matches would block people posting code.
 */
import * as appsync from 'aws-cdk-lib/aws-appsync';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface ApiFirewallProps {
  api: appsync.IGraphqlApi;
  /** Requests one IP may make in any 5 minutes before it is blocked (generous: NATed campuses share an IP). */
  requestsPerFiveMinutes?: number;
}

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
  metricName,
});

export class ApiFirewall extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: ApiFirewallProps) {
    super(scope, id);
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('CruddurApi'),
      rules: [
        {
          name: 'RateLimitPerIp',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { aggregateKeyType: 'IP', limit: props.requestsPerFiveMinutes ?? 2000, evaluationWindowSec: 300 } },
          visibilityConfig: visibility('RateLimitPerIp'),
        },
        {
          name: 'AmazonIpReputationList',
          priority: 1,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesAmazonIpReputationList' } },
          visibilityConfig: visibility('AmazonIpReputationList'),
        },
      ],
    });
    new wafv2.CfnWebACLAssociation(this, 'Association', { resourceArn: props.api.arn, webAclArn: this.webAcl.attrArn });
  }
}
