/** Cognito's PreSignUp event (Developer Guide, "Pre sign-up Lambda trigger"); all attribute values are strings. */
export interface PreSignUpTriggerEvent {
  version: string;
  triggerSource: 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser' | 'PreSignUp_ExternalProvider';
  region: string;
  userPoolId: string;
  userName: string;
  callerContext: { awsSdkVersion: string; clientId: string };
  request: { userAttributes: Record<string, string>; validationData?: Record<string, string>; clientMetadata?: Record<string, string> };
  response: { autoConfirmUser: boolean; autoVerifyEmail: boolean; autoVerifyPhone: boolean };
}
