/** Cognito's PostConfirmation event (Developer Guide, "Post confirmation Lambda trigger"). */
export interface PostConfirmationTriggerEvent {
  version: string;
  triggerSource: 'PostConfirmation_ConfirmSignUp' | 'PostConfirmation_ConfirmForgotPassword';
  region: string;
  userPoolId: string;
  userName: string;
  callerContext: { awsSdkVersion: string; clientId: string };
  request: { userAttributes: Record<string, string>; clientMetadata?: Record<string, string> };
  response: Record<string, never>;
}
