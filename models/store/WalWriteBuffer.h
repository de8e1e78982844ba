#pragma once

namespace slotdesk {

// An SQLite VFS shim (made the default VFS) that gathers the WAL writes of one commit and hands
// them to the kernel in one pwrite instead of two per page (SQLite writes each frame's 24-byte
// header and its page separately). At thousands of commits per second those syscalls and the
// page-cache work of unaligned small writes were the largest cost of the booking writer.
//
// Durability is unchanged: the buffer is written out with the page of a transaction's commit
// frame (SQLite marks it in the frame header), inside that xWrite, so the commit fails when the
// write fails and is published in the WAL index only after its frames are in the file; also
// before every sync, read, size query, truncation and close of the WAL, and past 1 MiB. A
// process that dies before that had not committed; one that dies during the write leaves a torn
// tail, which SQLite's frame checksums already ignore on recovery.
//
// Call once, before the first connection is opened; later calls do nothing. Returns false when
// SQLite has no default VFS to wrap (the connections then use SQLite's own).
bool installWalWriteBuffer();

} // namespace slotdesk
