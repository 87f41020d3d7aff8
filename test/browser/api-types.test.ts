import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/lib/package-root.js';
import { API_TYPES_PATH, renderApiTypes } from '../../scripts/api-types.js';

describe('the dashboard API types', () => {
  it('match the OpenAPI document of the current routes (run `npm run gen:api` after changing a schema)', async () => {
    const committed = readFileSync(join(packageRoot(), API_TYPES_PATH), 'utf8');
    const fresh = await renderApiTypes();
    expect(committed === fresh, `${API_TYPES_PATH} is stale: run \`npm run gen:api\``).toBe(true);
  });
});
