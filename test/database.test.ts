import { describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_POSTGRES_URL } from './helpers/database.js';

describe('test database', () => {
  it('is the one this run asked for', async () => {
    const database = await openTestDatabase();
    try {
      expect(database.provider).toBe(TEST_POSTGRES_URL ? 'postgresql' : 'sqlite');
      expect(await database.db.task.count()).toBe(0);
    } finally {
      await database.close();
    }
  });
});
