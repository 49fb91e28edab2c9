// The catalogue in its packed form (pack.ts). The shipped bundle carries this module's value as
// computed at build time (scripts/build.mjs evaluates this very file), so that no start loads the
// catalogue files; run from the sources (tests), it is packed when first imported.
import { catalogues } from './catalogues.js';
import { pack } from './pack.js';

export const PACKED = pack(catalogues);
