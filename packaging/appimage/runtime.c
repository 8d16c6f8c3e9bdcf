// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Berth's AppImage runtime (type 2 layout): an ELF executable with a squashfs image
 * appended to it. Debian ships no AppImage runtime, so Berth builds this one.
 *
 * At start it finds the image right after its own ELF data (the end of the section header
 * table), extracts it with libsquashfuse into a cache folder named after the image's size and
 * modification time (reused by later starts), and execs AppRun from there with
 * APPIMAGE, APPDIR and ARGV0 set, as the AppImage specification describes.
 *
 * Mounting through FUSE is not done: extraction works without /dev/fuse or fusermount
 * (containers, CI), which is APPIMAGE_EXTRACT_AND_RUN behaviour made the default.
 * --appimage-offset prints the image's offset; --appimage-extract extracts into
 * ./squashfs-root and exits.
 *
 * Only gzip-compressed images are read (packaging/appimage/build-appimage.sh makes them
 * so); the other decompressors libsquashfuse knows are stubbed out below, which keeps this
 * runtime free of shared libraries other than the C library.
 */
#define _GNU_SOURCE
#include <squashfuse/squashfuse.h>

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* Decompressors this runtime does not carry: libsquashfuse reports "unsupported". */
int LZ4_decompress_safe(const char *src, char *dst, int srcSize, int dstCapacity)
{
    (void)src, (void)dst, (void)srcSize, (void)dstCapacity;
    return -1;
}
size_t ZSTD_decompress(void *dst, size_t dstCapacity, const void *src, size_t srcSize)
{
    (void)dst, (void)dstCapacity, (void)src, (void)srcSize;
    return (size_t)-1;
}
unsigned ZSTD_isError(size_t code)
{
    return code == (size_t)-1;
}
int lzma_stream_buffer_decode(void *memlimit, unsigned flags, const void *allocator,
                              const unsigned char *in, size_t *in_pos, size_t in_size,
                              unsigned char *out, size_t *out_pos, size_t out_size)
{
    (void)memlimit, (void)flags, (void)allocator, (void)in, (void)in_pos, (void)in_size;
    (void)out, (void)out_pos, (void)out_size;
    return 11; /* LZMA_PROG_ERROR */
}
int lzo1x_decompress_safe(const unsigned char *src, unsigned long src_len, unsigned char *dst,
                          unsigned long *dst_len, void *wrkmem)
{
    (void)src, (void)src_len, (void)dst, (void)dst_len, (void)wrkmem;
    return -1;
}

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "AppImage runtime: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(127);
}

/* The end of this executable's ELF data: where the squashfs image starts. */
static off_t elf_end(int fd)
{
    Elf64_Ehdr eh;
    if (pread(fd, &eh, sizeof eh, 0) != (ssize_t)sizeof eh || memcmp(eh.e_ident, ELFMAG, SELFMAG))
        die("not an ELF file", NULL);
    if (eh.e_ident[EI_CLASS] != ELFCLASS64)
        die("only 64-bit runtimes are supported", NULL);
    off_t end = (off_t)(eh.e_shoff + (Elf64_Off)eh.e_shentsize * eh.e_shnum);
    /* Sections or program segments may lie after the section headers in odd layouts. */
    for (int i = 0; i < eh.e_phnum; ++i) {
        Elf64_Phdr ph;
        if (pread(fd, &ph, sizeof ph, (off_t)(eh.e_phoff + (Elf64_Off)i * eh.e_phentsize)) !=
            (ssize_t)sizeof ph)
            die("cannot read the program headers", NULL);
        if ((off_t)(ph.p_offset + ph.p_filesz) > end)
            end = (off_t)(ph.p_offset + ph.p_filesz);
    }
    return end;
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st, (void)type, (void)ftw;
    return remove(path);
}

static int mkdirs(const char *path, mode_t mode)
{
    char buf[PATH_MAX];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
        return -1;
    for (char *p = buf + 1; *p; ++p) {
        if (*p != '/')
            continue;
        *p = 0;
        if (mkdir(buf, mode) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    return mkdir(buf, mode) != 0 && errno != EEXIST ? -1 : 0;
}

/* The folder at @path must be a real folder (not a symbolic link) of this user that nobody else
 * may write to: else someone else could have put an AppRun there for us to run. */
static void insist_private(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        die("cannot examine", path);
    if (!S_ISDIR(st.st_mode))
        die("the cache folder is not a folder (or is a symbolic link); remove it and try again", path);
    if (st.st_uid != getuid())
        die("the cache folder belongs to another user; nothing in it is run", path);
    if ((st.st_mode & 022) != 0)
        die("others may write to the cache folder; nothing in it is run", path);
}

static int extract_file(sqfs *fs, sqfs_inode *inode, const char *dest)
{
    /* Never through a link or over a file: every path under the root is ours, made now. */
    int out = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                   inode->base.mode & 07777);
    if (out < 0)
        return -1;
    static char buf[1 << 16];
    const sqfs_off_t file_size = (sqfs_off_t)inode->xtra.reg.file_size;
    for (sqfs_off_t pos = 0; pos < file_size;) {
        sqfs_off_t size = sizeof buf;
        if (pos + size > file_size)
            size = file_size - pos;
        if (sqfs_read_range(fs, inode, pos, &size, buf) != SQFS_OK) {
            close(out);
            return -1;
        }
        for (sqfs_off_t done = 0; done < size;) {
            ssize_t n = write(out, buf + done, (size_t)(size - done));
            if (n <= 0) {
                close(out);
                return -1;
            }
            done += n;
        }
        pos += size;
    }
    return close(out);
}

/* Extracts the whole image at @offset of @fd into @root (which exists). */
static void extract(int fd, off_t offset, const char *root)
{
    sqfs fs;
    if (sqfs_init(&fs, fd, (size_t)offset) != SQFS_OK)
        die("no squashfs image follows the runtime (or its compression is not gzip)", NULL);
    sqfs_traverse trv;
    if (sqfs_traverse_open(&trv, &fs, sqfs_inode_root(&fs)) != SQFS_OK)
        die("cannot read the image's root folder", NULL);
    sqfs_err err = SQFS_OK;
    char dest[PATH_MAX];
    while (sqfs_traverse_next(&trv, &err)) {
        if (trv.dir_end)
            continue;
        if (snprintf(dest, sizeof dest, "%s/%s", root, trv.path) >= (int)sizeof dest)
            die("path too long", trv.path);
        sqfs_inode inode;
        if (sqfs_inode_get(&fs, &inode, trv.entry.inode) != SQFS_OK)
            die("cannot read an inode", trv.path);
        switch (inode.base.inode_type) {
        case SQUASHFS_DIR_TYPE:
        case SQUASHFS_LDIR_TYPE:
            if (mkdir(dest, 0755) != 0)
                die("cannot create", dest);
            break;
        case SQUASHFS_REG_TYPE:
        case SQUASHFS_LREG_TYPE:
            if (extract_file(&fs, &inode, dest) != 0)
                die("cannot extract", trv.path);
            break;
        case SQUASHFS_SYMLINK_TYPE:
        case SQUASHFS_LSYMLINK_TYPE: {
            char target[PATH_MAX];
            size_t size = sizeof target;
            if (sqfs_readlink(&fs, &inode, target, &size) != SQFS_OK)
                die("cannot read a symbolic link", trv.path);
            if (symlink(target, dest) != 0)
                die("cannot create", dest);
            break;
        }
        default:
            break; /* devices, fifos and sockets have no place in an AppImage */
        }
    }
    if (err != SQFS_OK)
        die("the image is damaged", NULL);
    sqfs_traverse_close(&trv);
    sqfs_destroy(&fs);
}

int main(int argc, char *argv[])
{
    char self[PATH_MAX];
    const ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
    if (len <= 0)
        die("cannot find its own file", strerror(errno));
    self[len] = 0;
    const int fd = open(self, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        die("cannot open", self);
    const off_t offset = elf_end(fd);

    if (argc > 1 && strcmp(argv[1], "--appimage-offset") == 0) {
        printf("%lld\n", (long long)offset);
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "--appimage-extract") == 0) {
        /* A new folder: extracting into one that exists would follow the links it holds. */
        if (mkdir("squashfs-root", 0755) != 0)
            die(errno == EEXIST ? "squashfs-root exists already; remove it first"
                                : "cannot create squashfs-root",
                errno == EEXIST ? NULL : strerror(errno));
        extract(fd, offset, "squashfs-root");
        puts("squashfs-root");
        return 0;
    }

    /* A cache folder per image (size + mtime), extracted once: later starts skip the work. */
    struct stat st;
    if (fstat(fd, &st) != 0)
        die("cannot examine", self);
    char base[PATH_MAX - 64], root[PATH_MAX - 32], done[PATH_MAX], tmp[PATH_MAX - 16];
    const char *cache = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    if (cache && *cache)
        snprintf(base, sizeof base, "%s/appimage-berth", cache);
    else if (home && *home)
        snprintf(base, sizeof base, "%s/.cache/appimage-berth", home);
    else
        snprintf(base, sizeof base, "/tmp/appimage-berth-%u", (unsigned)getuid());
    if (mkdirs(base, 0700) != 0)
        die("cannot create", base);
    insist_private(base); /* the /tmp fallback above all: anyone could have made it first */
    snprintf(root, sizeof root, "%s/%llx-%llx", base, (unsigned long long)st.st_size,
             (unsigned long long)st.st_mtime);
    snprintf(done, sizeof done, "%s/.complete", root);
    if (access(done, F_OK) != 0) {
        /* Extract beside, then rename: a half-extracted folder is never used. */
        snprintf(tmp, sizeof tmp, "%s.%d", root, (int)getpid());
        if (access(tmp, F_OK) == 0)
            nftw(tmp, remove_entry, 16, FTW_DEPTH | FTW_PHYS); /* a killed start's leftover */
        if (mkdir(tmp, 0700) != 0)
            die("cannot create", tmp);
        extract(fd, offset, tmp);
        char marker[PATH_MAX];
        snprintf(marker, sizeof marker, "%s/.complete", tmp);
        const int m = open(marker, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
        if (m < 0)
            die("cannot write", marker);
        close(m);
        if (rename(tmp, root) != 0 && access(done, F_OK) != 0)
            die("cannot rename the extracted image to", root);
        /* another start won the race: its copy is as good as ours */
        if (access(tmp, F_OK) == 0)
            nftw(tmp, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    }
    close(fd);

    char apprun[PATH_MAX];
    snprintf(apprun, sizeof apprun, "%s/AppRun", root);
    setenv("APPIMAGE", self, 1);
    setenv("APPDIR", root, 1);
    setenv("ARGV0", argv[0], 1);
    argv[0] = apprun;
    execv(apprun, argv);
    die("cannot run", apprun);
    return 127;
}
