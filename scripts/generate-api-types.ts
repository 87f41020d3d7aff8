import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/lib/package-root.js';
import { API_TYPES_PATH, renderApiTypes } from './api-types.js';

const target = join(packageRoot(), API_TYPES_PATH);
writeFileSync(target, await renderApiTypes());
process.stdout.write(`Wrote ${API_TYPES_PATH}\n`);
