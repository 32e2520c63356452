/**
 * Handles (Cognito `preferred_username`, shown as @handle): 3–20 ASCII letters, digits or
 * underscores, unique case-insensitively. The PreSignUp trigger enforces this; the sign-up form
 * uses the same rule as its input `pattern` so a person hears about it before submitting.
 */
export const HANDLE_LENGTH = { min: 3, max: 20 } as const;

/** The rule as an HTML `pattern` attribute value (the browser anchors it to the whole value). */
export const HANDLE_PATTERN = `[A-Za-z0-9_]{${HANDLE_LENGTH.min},${HANDLE_LENGTH.max}}`;

/** The rule as a whole-string RegExp. */
export const handlePattern = new RegExp(`^${HANDLE_PATTERN}$`);
