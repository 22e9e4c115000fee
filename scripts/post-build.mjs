// Trunk's post-build hook, run on the staging folder of every build (explorer, embed,
// workbench): in a release, the style sheets and glue are minified first (minify.mjs), then the
// inline scripts are allowed by the Content-Security-Policy (csp.mjs), which hashes the page
// as it will be served. One hook, as Trunk runs the hooks of a stage side by side.
import { minifyFolder } from './minify.mjs';

if (process.env.TRUNK_PROFILE === 'release') await minifyFolder(process.env.TRUNK_STAGING_DIR);
await import('./csp.mjs');
