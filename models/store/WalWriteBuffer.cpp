#include "models/store/WalWriteBuffer.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <new>
#include <vector>

namespace slotdesk {

namespace {

constexpr sqlite3_int64 maxBuffered = 1 << 20;

sqlite3_vfs *realVfs = nullptr;
sqlite3_vfs shimVfs;
sqlite3_io_methods shimMethods;

// Our sqlite3_file: SQLite allocates szOsFile bytes for it; the real file follows it.
struct ShimFile {
    sqlite3_file base;
    sqlite3_file *real;
    bool wal;
    bool commitPageNext;        // the header of a commit frame was the last write
    std::vector<char> *pending; // WAL only: bytes not yet written, starting at pendingAt
    sqlite3_int64 pendingAt;
};

// A WAL frame header: page number, then the database size in pages for the commit frame of a
// transaction (0 on every other frame), both big-endian, then salts and checksums.
constexpr int frameHeaderBytes = 24;

bool isCommitFrameHeader(const void *data, int amount) {
    if (amount != frameHeaderBytes)
        return false;
    const auto *b = static_cast<const unsigned char *>(data);
    return (b[4] | b[5] | b[6] | b[7]) != 0;
}

ShimFile *shim(sqlite3_file *file) {
    return reinterpret_cast<ShimFile *>(file);
}

int flush(ShimFile *f) {
    if (!f->wal || f->pending->empty())
        return SQLITE_OK;
    // SQLite's unix VFS writes at most 128 KiB - 1 per call (it masks larger sizes).
    constexpr std::size_t chunk = 64 * 1024;
    const std::vector<char> &pending = *f->pending;
    int rc = SQLITE_OK;
    for (std::size_t at = 0; at < pending.size() && rc == SQLITE_OK; at += chunk) {
        const std::size_t size = std::min(chunk, pending.size() - at);
        rc = f->real->pMethods->xWrite(f->real, pending.data() + at, int(size),
                                       f->pendingAt + sqlite3_int64(at));
    }
    f->pending->clear();
    return rc;
}

int xClose(sqlite3_file *file) {
    ShimFile *f = shim(file);
    const int rc = flush(f);
    if (f->wal)
        delete f->pending;
    const int closed = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
    return rc != SQLITE_OK ? rc : closed;
}

int xRead(sqlite3_file *file, void *data, int amount, sqlite3_int64 offset) {
    ShimFile *f = shim(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xRead(f->real, data, amount, offset);
}

int xWrite(sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset) {
    ShimFile *f = shim(file);
    if (!f->wal)
        return f->real->pMethods->xWrite(f->real, data, amount, offset);
    std::vector<char> &pending = *f->pending;
    if (!pending.empty() && offset != f->pendingAt + sqlite3_int64(pending.size())) {
        if (const int rc = flush(f); rc != SQLITE_OK)
            return rc;
    }
    if (pending.empty())
        f->pendingAt = offset;
    const char *bytes = static_cast<const char *>(data);
    pending.insert(pending.end(), bytes, bytes + amount);
    // The page of a commit frame completes the transaction's frames: they go to the kernel
    // now, and a failure (a full disk) fails this write, so SQLite fails the commit before
    // it publishes it in the WAL index, as without the buffer.
    const bool commitEnds = f->commitPageNext;
    f->commitPageNext = isCommitFrameHeader(data, amount);
    if (commitEnds || sqlite3_int64(pending.size()) >= maxBuffered)
        return flush(f);
    return SQLITE_OK;
}

int xTruncate(sqlite3_file *file, sqlite3_int64 size) {
    ShimFile *f = shim(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xTruncate(f->real, size);
}

int xSync(sqlite3_file *file, int flags) {
    ShimFile *f = shim(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xSync(f->real, flags);
}

int xFileSize(sqlite3_file *file, sqlite3_int64 *size) {
    ShimFile *f = shim(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xFileSize(f->real, size);
}

int xLock(sqlite3_file *file, int level) {
    return shim(file)->real->pMethods->xLock(shim(file)->real, level);
}

int xUnlock(sqlite3_file *file, int level) {
    return shim(file)->real->pMethods->xUnlock(shim(file)->real, level);
}

int xCheckReservedLock(sqlite3_file *file, int *out) {
    return shim(file)->real->pMethods->xCheckReservedLock(shim(file)->real, out);
}

int xFileControl(sqlite3_file *file, int op, void *arg) {
    ShimFile *f = shim(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xFileControl(f->real, op, arg);
}

int xSectorSize(sqlite3_file *file) {
    return shim(file)->real->pMethods->xSectorSize(shim(file)->real);
}

int xDeviceCharacteristics(sqlite3_file *file) {
    return shim(file)->real->pMethods->xDeviceCharacteristics(shim(file)->real);
}

int xShmMap(sqlite3_file *file, int page, int size, int extend, void volatile **out) {
    return shim(file)->real->pMethods->xShmMap(shim(file)->real, page, size, extend, out);
}

int xShmLock(sqlite3_file *file, int offset, int n, int flags) {
    return shim(file)->real->pMethods->xShmLock(shim(file)->real, offset, n, flags);
}

void xShmBarrier(sqlite3_file *file) {
    shim(file)->real->pMethods->xShmBarrier(shim(file)->real);
}

int xShmUnmap(sqlite3_file *file, int deleteFlag) {
    return shim(file)->real->pMethods->xShmUnmap(shim(file)->real, deleteFlag);
}

int xFetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **out) {
    ShimFile *f = shim(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xFetch(f->real, offset, amount, out);
}

int xUnfetch(sqlite3_file *file, sqlite3_int64 offset, void *pointer) {
    return shim(file)->real->pMethods->xUnfetch(shim(file)->real, offset, pointer);
}

int xOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags) {
    ShimFile *f = shim(file);
    std::memset(f, 0, sizeof(ShimFile));
    f->real = reinterpret_cast<sqlite3_file *>(f + 1);
    const int rc = realVfs->xOpen(realVfs, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK || !f->real->pMethods) {
        f->base.pMethods = nullptr;
        return rc;
    }
    f->wal = (flags & SQLITE_OPEN_WAL) != 0;
    if (f->wal) {
        f->pending = new (std::nothrow) std::vector<char>();
        if (!f->pending) {
            f->real->pMethods->xClose(f->real);
            f->base.pMethods = nullptr;
            return SQLITE_NOMEM;
        }
        f->pending->reserve(std::size_t(maxBuffered) + 65536);
    }
    f->base.pMethods = &shimMethods;
    return SQLITE_OK;
}

// Everything else goes to the real VFS unchanged.
int xDelete(sqlite3_vfs *, const char *name, int syncDir) {
    return realVfs->xDelete(realVfs, name, syncDir);
}
int xAccess(sqlite3_vfs *, const char *name, int flags, int *out) {
    return realVfs->xAccess(realVfs, name, flags, out);
}
int xFullPathname(sqlite3_vfs *, const char *name, int size, char *out) {
    return realVfs->xFullPathname(realVfs, name, size, out);
}
void *xDlOpen(sqlite3_vfs *, const char *name) {
    return realVfs->xDlOpen(realVfs, name);
}
void xDlError(sqlite3_vfs *, int size, char *out) {
    realVfs->xDlError(realVfs, size, out);
}
void (*xDlSym(sqlite3_vfs *, void *handle, const char *symbol))(void) {
    return realVfs->xDlSym(realVfs, handle, symbol);
}
void xDlClose(sqlite3_vfs *, void *handle) {
    realVfs->xDlClose(realVfs, handle);
}
int xRandomness(sqlite3_vfs *, int size, char *out) {
    return realVfs->xRandomness(realVfs, size, out);
}
int xSleep(sqlite3_vfs *, int micros) {
    return realVfs->xSleep(realVfs, micros);
}
int xCurrentTime(sqlite3_vfs *, double *out) {
    return realVfs->xCurrentTime(realVfs, out);
}
int xGetLastError(sqlite3_vfs *, int size, char *out) {
    return realVfs->xGetLastError ? realVfs->xGetLastError(realVfs, size, out) : 0;
}
int xCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *out) {
    return realVfs->xCurrentTimeInt64(realVfs, out);
}

} // namespace

bool installWalWriteBuffer() {
    static std::once_flag once;
    static bool installed = false;
    std::call_once(once, [] {
        realVfs = sqlite3_vfs_find(nullptr);
        // The shim needs every method of a version-3 file and a version-2 VFS (unix has both).
        if (!realVfs || realVfs->iVersion < 2 || !realVfs->xCurrentTimeInt64)
            return;
        shimMethods = sqlite3_io_methods{};
        shimMethods.iVersion = 3;
        shimMethods.xClose = xClose;
        shimMethods.xRead = xRead;
        shimMethods.xWrite = xWrite;
        shimMethods.xTruncate = xTruncate;
        shimMethods.xSync = xSync;
        shimMethods.xFileSize = xFileSize;
        shimMethods.xLock = xLock;
        shimMethods.xUnlock = xUnlock;
        shimMethods.xCheckReservedLock = xCheckReservedLock;
        shimMethods.xFileControl = xFileControl;
        shimMethods.xSectorSize = xSectorSize;
        shimMethods.xDeviceCharacteristics = xDeviceCharacteristics;
        shimMethods.xShmMap = xShmMap;
        shimMethods.xShmLock = xShmLock;
        shimMethods.xShmBarrier = xShmBarrier;
        shimMethods.xShmUnmap = xShmUnmap;
        shimMethods.xFetch = xFetch;
        shimMethods.xUnfetch = xUnfetch;

        shimVfs = sqlite3_vfs{};
        shimVfs.iVersion = 2;
        shimVfs.szOsFile = int(sizeof(ShimFile)) + realVfs->szOsFile;
        shimVfs.mxPathname = realVfs->mxPathname;
        shimVfs.zName = "slotdesk-walbuffer";
        shimVfs.xOpen = xOpen;
        shimVfs.xDelete = xDelete;
        shimVfs.xAccess = xAccess;
        shimVfs.xFullPathname = xFullPathname;
        shimVfs.xDlOpen = xDlOpen;
        shimVfs.xDlError = xDlError;
        shimVfs.xDlSym = xDlSym;
        shimVfs.xDlClose = xDlClose;
        shimVfs.xRandomness = xRandomness;
        shimVfs.xSleep = xSleep;
        shimVfs.xCurrentTime = xCurrentTime;
        shimVfs.xGetLastError = xGetLastError;
        shimVfs.xCurrentTimeInt64 = xCurrentTimeInt64;
        installed = sqlite3_vfs_register(&shimVfs, 1) == SQLITE_OK;
    });
    return installed;
}

} // namespace slotdesk
