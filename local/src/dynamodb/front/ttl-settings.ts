/**
 * UpdateTimeToLive / DescribeTimeToLive for the embedded store (dynalite 4 has DescribeTimeToLive
 * but no UpdateTimeToLive). Settings persist in the data dir; the TTL sweeper reads them.
 * Shapes per the API_UpdateTimeToLive and API_DescribeTimeToLive pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { awsError, ok, type FrontResponse } from './protocol.ts';

export interface TtlSpecification {
  AttributeName: string;
  Enabled: boolean;
}

export class TtlSettings {
  private readonly settings: Record<string, TtlSpecification>;
  private readonly file?: string;

  constructor(dir?: string) {
    this.file = dir ? path.join(dir, 'ttl.json') : undefined;
    this.settings = this.file && fs.existsSync(this.file) ? JSON.parse(fs.readFileSync(this.file, 'utf8')) : {};
  }

  /** Tables with TTL enabled and their attribute. */
  enabled(): { tableName: string; attributeName: string }[] {
    return Object.entries(this.settings)
      .filter(([, s]) => s.Enabled)
      .map(([tableName, s]) => ({ tableName, attributeName: s.AttributeName }));
  }

  update(input: { TableName?: string; TimeToLiveSpecification?: Partial<TtlSpecification> }, tableExists: boolean): FrontResponse {
    const spec = input?.TimeToLiveSpecification;
    if (typeof input?.TableName !== 'string' || !spec || typeof spec.AttributeName !== 'string' || typeof spec.Enabled !== 'boolean') {
      return awsError('ValidationException', 'TimeToLiveSpecification with AttributeName and Enabled is required');
    }
    if (!tableExists) return awsError('ResourceNotFoundException', 'Requested resource not found');
    const current = this.settings[input.TableName];
    if (current?.Enabled === spec.Enabled) {
      return awsError('ValidationException', `TimeToLive is already ${spec.Enabled ? 'enabled' : 'disabled'}`);
    }
    this.settings[input.TableName] = { AttributeName: spec.AttributeName, Enabled: spec.Enabled };
    if (this.file) fs.writeFileSync(this.file, JSON.stringify(this.settings, null, 2));
    return ok({ TimeToLiveSpecification: { AttributeName: spec.AttributeName, Enabled: spec.Enabled } });
  }

  describe(tableName: string, tableExists: boolean): FrontResponse {
    if (!tableExists) return awsError('ResourceNotFoundException', 'Requested resource not found');
    const s = this.settings[tableName];
    return ok({ TimeToLiveDescription: s?.Enabled ? { TimeToLiveStatus: 'ENABLED', AttributeName: s.AttributeName } : { TimeToLiveStatus: 'DISABLED' } });
  }
}
