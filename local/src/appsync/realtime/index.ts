/**
 * AppSync real-time (GraphQL subscriptions over WebSocket) for the offline engine.
 * Composition: `createDualServer` (TLS + HTTP on one port) → `attachRealtime` on both halves.
 */
export { attachRealtime, type AttachRealtimeOptions, type RealtimeServer } from './server.ts';
export { createRealtimeCore, type RealtimeCore, type RealtimeCoreOptions, type RealtimeStats, type ConnectionHandle } from './core.ts';
export { createDualServer, type DualServer, type DualServerOptions } from './dual-server.ts';
export { ensureCertificate, CERT_FILE, KEY_FILE, type CertificateFiles } from './certificate.ts';
export { DEFAULT_LIMITS, type RealtimeLimits, type RealtimeLogger, type RealtimeSocket } from './socket.ts';
export { matchesFilter, matchesArguments, shouldDeliver, validateFilter, FILTER_LIMITS } from './filters.ts';
export * from './protocol.ts';
