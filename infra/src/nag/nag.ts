/**
 * AWS's own security rules (cdk-nag's AwsSolutions pack) over the whole app. cdk-nag 3 runs as a
 * CDK policy-validation plugin: registered on the app, it fails `cdk synth` on any finding that is
 * not acknowledged, errors and warnings alike. Each acknowledgment sits next to the construct it
 * concerns (`acknowledge`), with a one-line reason.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
// Not re-exported by the package index; the very function cdk-nag names findings with.
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/** Registers the AwsSolutions pack on an app (or stage): `cdk synth` then reports and stops on findings. */
export function addNagChecks(app: IConstruct): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

export interface NagFinding {
  rule: string;
  severity: string;
  path: string;
}

/** The unacknowledged AwsSolutions findings under `scope`, one per rule and resource. */
export function nagFindings(scope: IConstruct): NagFinding[] {
  const report = new AwsSolutionsChecks().validateScope(scope);
  return report.violations.flatMap((v) => v.violatingResources.map((r) => ({ rule: v.ruleName, severity: v.severity ?? 'error', path: r.constructPath ?? '' })));
}

/** Acknowledges one finding (`AwsSolutions-S1`, or `AwsSolutions-IAM5[Resource::…]`) on a construct and everything under it. */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * The id cdk-nag gives a wildcard resource `arn` (a string, tokens allowed) in a policy of
 * `scope`'s stack: references print as `<LogicalId.Attr>`, `<Ref>`, imports as the export name.
 * A cross-stack reference must be passed as its import (`importOf`), which is what the policy holds.
 */
export function wildcardResource(scope: IConstruct, arn: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(arn))}]`;
}

/**
 * `value` (a token of `producer`'s stack) as an explicit `Fn::ImportValue`: the export is the one CDK
 * would create for the reference anyway, but its name is now known when acknowledging.
 */
export function importOf(producer: IConstruct, value: string): string {
  return Stack.of(producer).exportValue(value);
}
