/**
 * Snapshots: objects stored as canonical JSON (Secrets encrypted with age), listed in a manifest
 * with their digests and a root digest, signed with Ed25519. The format is described in
 * docs/snapshot-format.md; {@link dev.umzug.engine.snapshot.SnapshotWriter} writes it, {@link
 * dev.umzug.engine.snapshot.SnapshotVerifier} and {@link dev.umzug.engine.snapshot.SnapshotReader}
 * check it, {@link dev.umzug.engine.snapshot.Snapshots} lists and deletes snapshots in any store.
 */
package dev.umzug.engine.snapshot;
