import type { Db } from '../database';

export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Db): void;
}
