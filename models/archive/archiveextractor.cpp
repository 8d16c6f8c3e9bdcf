// SPDX-License-Identifier: GPL-2.0-or-later
#include "models/archive/archiveextractor.h"
#include "models/common/failure.h"

#include "models/archive/archivereader.h"
#include "models/archive/sparsedigest.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QScopeGuard>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

QString typeProblem(const ArchiveEntry &entry)
{
    using enum ArchiveEntry::Type;
    switch (entry.type) {
    case File:
    case Directory:
        return {};
    case SymbolicLink:
        return ArchiveExtractor::tr("%1 is a symbolic link (to %2); a package holds none.")
            .arg(entry.name, entry.linkTarget);
    case HardLink:
        return ArchiveExtractor::tr("%1 is a hard link (to %2); a package holds none.")
            .arg(entry.name, entry.linkTarget);
    case Device:
        return ArchiveExtractor::tr("%1 is a device file; a package holds none.").arg(entry.name);
    case Fifo:
    case Socket:
        return ArchiveExtractor::tr("%1 is a pipe or a socket; a package holds none.")
            .arg(entry.name);
    case Unknown:
        break;
    }
    return ArchiveExtractor::tr("%1 is of a kind of file Berth does not unpack.").arg(entry.name);
}

/// One extraction: the staging folder's descriptor and what has been made in it.
class Extraction
{
public:
    explicit Extraction(int root)
        : m_root(root)
    {}
    ~Extraction()
    {
        for (const int fd : std::as_const(m_folders))
            ::close(fd);
    }
    Extraction(const Extraction &) = delete;
    Extraction &operator=(const Extraction &) = delete;

    /// The descriptor of folder @p path (relative, "" for the root), made as needed.
    Outcome<int> folder(const QString &path)
    {
        if (path.isEmpty())
            return m_root;
        if (const auto it = m_folders.constFind(path); it != m_folders.cend())
            return *it;
        if (m_files.contains(path))
            return Failure(ArchiveExtractor::tr("%1 is both a file and a folder.").arg(path));
        const Outcome<Place> at = place(path);
        if (!at)
            return at.failure();
        if (::mkdirat(at->folder, at->name.constData(), 0700) != 0)
            return Failure(ArchiveExtractor::tr("Cannot create the folder %1: %2.")
                               .arg(path, systemErrorText(errno)));
        const int fd = ::openat(at->folder, at->name.constData(),
                                O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            return Failure(ArchiveExtractor::tr("Cannot open the folder %1: %2.")
                               .arg(path, systemErrorText(errno)));
        m_folders.insert(path, fd);
        return fd;
    }

    /// A new file @p path, or a failure when anything has that name already.
    Outcome<int> newFile(const QString &path)
    {
        if (m_files.contains(path) || m_folders.contains(path))
            return Failure(ArchiveExtractor::tr("The package holds %1 more than once.").arg(path));
        const Outcome<Place> at = place(path);
        if (!at)
            return at.failure();
        const int fd = ::openat(at->folder, at->name.constData(),
                                O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0)
            return Failure(
                ArchiveExtractor::tr("Cannot create %1: %2.").arg(path, systemErrorText(errno)));
        m_files.insert(path);
        return fd;
    }

    bool hasFolder(const QString &path) const { return m_folders.contains(path); }

private:
    /// Where @p path goes: its folder's descriptor (made as needed) and its last part.
    struct Place
    {
        int folder;
        QByteArray name;
    };
    Outcome<Place> place(const QString &path)
    {
        const qsizetype slash = path.lastIndexOf(u'/');
        const Outcome<int> parent = folder(slash < 0 ? QString() : path.left(slash));
        if (!parent)
            return parent.failure();
        return Place{*parent, QFile::encodeName(slash < 0 ? path : path.mid(slash + 1))};
    }

    int m_root;
    QHash<QString, int> m_folders;
    QSet<QString> m_files;
};

Outcome<> writeAll(int fd, qint64 offset, QByteArrayView block, const QString &name)
{
    while (!block.isEmpty()) {
        const ssize_t n = ::pwrite(fd, block.data(), size_t(block.size()), offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : EIO;
            return Failure(error == ENOSPC
                               ? ArchiveExtractor::tr("The disk is full: %1 could not be written. "
                                                      "Make room and try again.")
                                     .arg(name)
                               : ArchiveExtractor::tr("Cannot write %1: %2.")
                                     .arg(name, systemErrorText(error)));
        }
        block = block.sliced(n);
        offset += n;
    }
    return {};
}

} // namespace

QString ArchiveExtractor::nameProblem(const QString &name)
{
    QString path = name;
    if (path.endsWith(u'/'))
        path.chop(1);
    if (path.isEmpty())
        return tr("An entry has no name.");
    if (path.startsWith(u'/'))
        return tr("%1 is an absolute path; a package holds only relative ones.").arg(name);
    for (const QChar c : path) {
        if (c.category() == QChar::Other_Control)
            return tr("An entry's name holds control characters.");
    }
    for (const QStringView part : QStringView(path).split(u'/')) {
        if (part == u".."_s)
            return tr("%1 reaches out of its folder (\"..\").").arg(name);
        if (part.isEmpty() || part == u"."_s)
            return tr("%1 is not a plain path (an empty or \".\" part).").arg(name);
    }
    return {};
}

Outcome<QList<ArchiveExtractor::File>> ArchiveExtractor::extract(const QString &archivePath,
                                                                 const QString &stagingFolder,
                                                                 const Accept &accept,
                                                                 const Proceed &proceed)
{
    const QByteArray staging = QFile::encodeName(stagingFolder);
    if (::mkdir(staging.constData(), 0700) != 0)
        return Failure(
            tr("Cannot create the folder %1: %2.").arg(stagingFolder, systemErrorText(errno)));
    bool done = false;
    const auto removeStaging = qScopeGuard([&] {
        if (!done)
            QDir(stagingFolder).removeRecursively();
    });
    const int root = ::open(staging.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (root < 0)
        return Failure(
            tr("Cannot open the folder %1: %2.").arg(stagingFolder, systemErrorText(errno)));
    const auto closeRoot = qScopeGuard([root] { ::close(root); });

    ArchiveReader reader;
    if (Outcome<> opened = reader.open(archivePath); !opened)
        return opened.failure();
    Extraction extraction(root);
    QList<File> files;
    for (;;) {
        Outcome<std::optional<ArchiveEntry>> next = reader.next();
        if (!next)
            return next.failure();
        if (!next->has_value())
            break;
        const ArchiveEntry entry = **next;
        if (const QString problem = nameProblem(entry.name); !problem.isEmpty())
            return Failure(problem);
        if (const QString problem = typeProblem(entry); !problem.isEmpty())
            return Failure(problem);
        if (accept) {
            if (Outcome<> accepted = accept(entry); !accepted)
                return accepted.failure();
        }
        QString path = entry.name;
        if (path.endsWith(u'/'))
            path.chop(1);
        if (entry.type == ArchiveEntry::Type::Directory) {
            if (extraction.hasFolder(path))
                return Failure(tr("The package holds %1 more than once.").arg(path));
            if (Outcome<int> made = extraction.folder(path); !made)
                return made.failure();
            continue;
        }
        if (entry.size < 0)
            return Failure(tr("%1 has no size.").arg(path));
        const Outcome<int> fd = extraction.newFile(path);
        if (!fd)
            return fd.failure();
        const auto closeFile = qScopeGuard([&fd] { ::close(*fd); });
        SparseDigest digest;
        const Outcome<> read = reader.readData([&](qint64 offset, QByteArrayView block) {
            if (Outcome<> written = writeAll(*fd, offset, block, path); !written)
                return written;
            digest.add(offset, block);
            if (proceed && !proceed(reader.position()))
                return Outcome<>(Failure(tr("Cancelled.")));
            return Outcome<>();
        });
        if (!read)
            return read.failure();
        // The holes at the end: the file has its full size, and they take no room.
        if (::ftruncate(*fd, entry.size) != 0 || ::fsync(*fd) != 0)
            return Failure(tr("Cannot write %1: %2.").arg(path, systemErrorText(errno)));
        files.append({path, entry.size, digest.result(entry.size)});
    }
    done = true;
    return files;
}
