/**
 * Runs the pool's Lambda triggers in-process with Cognito's event shapes (Developer Guide,
 * "Pre sign-up Lambda trigger", "Post confirmation Lambda trigger"). A throwing or timed-out
 * trigger fails the API call with UserLambdaValidationException, as Cognito does.
 */
import type { FunctionEnv } from '../../lambda-runtime/function-env.ts';
import { invokeHandler } from '../../lambda-runtime/invoke.ts';
import { CognitoError } from '../errors.ts';

export interface TriggerRefs {
  preSignUp?: string;
  postConfirmation?: string;
}

export interface PreSignUpResponse {
  autoConfirmUser: boolean;
  autoVerifyEmail: boolean;
  autoVerifyPhone: boolean;
}

interface CallInfo {
  userName: string;
  clientId: string;
  userAttributes: Record<string, string>;
  clientMetadata?: Record<string, string>;
}

/** Cognito gives triggers 5 seconds. */
const triggerTimeoutMs = 5_000;

export class Triggers {
  constructor(
    private readonly refs: TriggerRefs,
    private readonly userPoolId: string,
    /** Each trigger function's environment, per invocation (../../lambda-runtime/function-env.ts). */
    private readonly env?: (trigger: keyof TriggerRefs) => FunctionEnv,
  ) {}

  private envelope(triggerSource: string, call: CallInfo, request: Record<string, unknown>, response: Record<string, unknown>) {
    return {
      version: '1',
      triggerSource,
      region: this.userPoolId.split('_')[0],
      userPoolId: this.userPoolId,
      userName: call.userName,
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: call.clientId },
      request: { userAttributes: { ...call.userAttributes }, ...request },
      response,
    };
  }

  private async run(name: 'PreSignUp' | 'PostConfirmation', ref: string, event: ReturnType<Triggers['envelope']>) {
    try {
      const trigger = name === 'PreSignUp' ? 'preSignUp' : 'postConfirmation';
      const result = await invokeHandler(ref, event, { functionName: `cruddur-cognito-${name}`, timeoutMs: triggerTimeoutMs, region: event.region, env: this.env?.(trigger) });
      return (result ?? event) as typeof event;
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new CognitoError('UserLambdaValidationException', `${name} failed with error ${why}${why.endsWith('.') ? '' : '.'}`);
    }
  }

  /** PreSignUp_SignUp / PreSignUp_AdminCreateUser; returns the trigger's auto-confirm decisions. */
  async preSignUp(source: 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser', call: CallInfo, validationData: Record<string, string> = {}): Promise<PreSignUpResponse> {
    const response: PreSignUpResponse = { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false };
    if (!this.refs.preSignUp) return response;
    const event = this.envelope(source, call, { validationData, clientMetadata: call.clientMetadata ?? {} }, { ...response });
    const result = await this.run('PreSignUp', this.refs.preSignUp, event);
    const r = (result.response ?? {}) as Partial<PreSignUpResponse>;
    return { autoConfirmUser: r.autoConfirmUser === true, autoVerifyEmail: r.autoVerifyEmail === true, autoVerifyPhone: r.autoVerifyPhone === true };
  }

  /** PostConfirmation_ConfirmSignUp / PostConfirmation_ConfirmForgotPassword; the response is ignored. */
  async postConfirmation(source: 'PostConfirmation_ConfirmSignUp' | 'PostConfirmation_ConfirmForgotPassword', call: CallInfo): Promise<void> {
    if (!this.refs.postConfirmation) return;
    await this.run('PostConfirmation', this.refs.postConfirmation, this.envelope(source, call, { clientMetadata: call.clientMetadata ?? {} }, {}));
  }
}
