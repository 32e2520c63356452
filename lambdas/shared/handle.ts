/** Handle (preferred_username) rules shared by the sign-up triggers. */

/** 3–20 letters, digits or underscores, like the original Cruddur's handles. */
export const handlePattern = /^[A-Za-z0-9_]{3,20}$/;

/** Handles are unique case-insensitively: `HANDLE#<lowercase>` is the claim key. */
export const handleKey = (handle: string) => ({ pk: `HANDLE#${handle.toLowerCase()}`, sk: 'HANDLE' });
