import { join } from 'node:path';
import { packageRoot } from '../../src/lib/package-root.js';

/**
 * The compiled `docket` command (dist/src/cli.js, built by test/global-setup.ts), run the way it
 * runs once installed: `spawn(process.execPath, [DOCKET_CLI, 'serve'])`.
 */
export const DOCKET_CLI = join(packageRoot(), 'dist', 'src', 'cli.js');
