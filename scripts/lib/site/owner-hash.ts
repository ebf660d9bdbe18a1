import { createHash } from "node:crypto";

/**
 * A stable number for an owner's folder ("countries/ken"): the first 32 bits of its SHA-1.
 * Splitting owners by it (`ownerHash(dir) % n`) puts each owner in the same group at every
 * build, and adding an owner moves no other, so work split this way is redone only where the
 * data changed. Used for the build's shards and the parts of the search index.
 */
export function ownerHash(ownerDir: string): number {
  return createHash("sha1").update(ownerDir).digest().readUInt32BE(0);
}
