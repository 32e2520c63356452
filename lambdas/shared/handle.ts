/** The handle claim shared by the sign-up triggers (the handle rule itself: definitions/handle.ts). */

/** Handles are unique case-insensitively: `HANDLE#<lowercase>` is the claim key. */
export const handleKey = (handle: string) => ({ pk: `HANDLE#${handle.toLowerCase()}`, sk: 'HANDLE' });
