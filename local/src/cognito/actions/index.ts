/** Every action the offline pool serves, by X-Amz-Target suffix. */
import type { Action } from '../pool.ts';
import * as admin from './admin.ts';
import * as password from './password.ts';
import { getTokensFromRefreshToken } from './refresh.ts';
import * as self from './self-service.ts';
import { initiateAuth, respondToAuthChallenge } from './sign-in.ts';
import { confirmSignUp, resendConfirmationCode, signUp } from './sign-up.ts';

export const actions: Record<string, Action> = {
  SignUp: signUp,
  ConfirmSignUp: confirmSignUp,
  ResendConfirmationCode: resendConfirmationCode,
  InitiateAuth: initiateAuth,
  RespondToAuthChallenge: respondToAuthChallenge,
  GetTokensFromRefreshToken: getTokensFromRefreshToken,
  ForgotPassword: password.forgotPassword,
  ConfirmForgotPassword: password.confirmForgotPassword,
  ChangePassword: password.changePassword,
  GetUser: self.getUser,
  UpdateUserAttributes: self.updateUserAttributes,
  GetUserAttributeVerificationCode: self.getUserAttributeVerificationCode,
  VerifyUserAttribute: self.verifyUserAttribute,
  GlobalSignOut: self.globalSignOut,
  RevokeToken: self.revokeToken,
  DeleteUser: self.deleteUser,
  AdminCreateUser: admin.adminCreateUser,
  AdminGetUser: admin.adminGetUser,
  AdminConfirmSignUp: admin.adminConfirmSignUp,
  AdminSetUserPassword: admin.adminSetUserPassword,
  AdminDeleteUser: admin.adminDeleteUser,
  AdminDisableUser: admin.adminDisableUser,
  AdminEnableUser: admin.adminEnableUser,
  AdminUserGlobalSignOut: admin.adminUserGlobalSignOut,
};

/** Admin actions need an IAM SigV4 signature, in AWS and offline (http/iam-auth.ts); the rest are public. */
export const isAdminAction = (name: string) => name.startsWith('Admin');
