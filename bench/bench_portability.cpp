// SPDX-License-Identifier: GPL-2.0-or-later
// Bundle benchmark: a VM whose 2 GiB raw disk is half data (64 MiB runs) and half holes,
// exported by Berth (VmExporter: a qemu-img info of the disk, then the pax archive written
// on a worker thread with sparse maps and checksums) and by GNU tar with --sparse over the
// same files, in the same run; then the bundle imported (VmImporter: the hostile-archive
// checks, checksums, a qemu-img info of the disk, the VM added) against `tar -xSf` of tar's
// own archive. The two alternate (which goes first swaps every round); outputs are deleted
// and written data flushed (sync) between runs, untimed. One untimed warm-up of each reads
// the disk into the page cache first.
//
// The last line of the output is machine-readable:
//     RESULT bundle_export_s <berth median> s ratio=<berth / tar> baseline=tar-S

#include "bench/benchsupport.h"
#include "models/portability/vmexporter.h"
#include "models/portability/vmimporter.h"
#include "models/vm/vmlibrary.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kImageSize = 2048 * kMiB;
constexpr qint64 kRun = 64 * kMiB;

bool run(const QString &program, const QStringList &args, const QString &folder = {})
{
    QProcess p;
    if (!folder.isEmpty())
        p.setWorkingDirectory(folder);
    p.start(program, args);
    const bool ok =
        p.waitForFinished(600'000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!ok)
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(program),
                     p.readAllStandardError().constData());
    return ok;
}

bool makeImage(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !f.resize(kImageSize))
        return false;
    QByteArray block(int(kMiB), Qt::Uninitialized);
    for (qint64 at = 0; at < kImageSize; at += 2 * kRun) {
        if (!f.seek(at))
            return false;
        for (qint64 done = 0; done < kRun; done += kMiB) {
            // Bytes that differ from block to block, so that nothing is shared or zero.
            auto *words = reinterpret_cast<quint64 *>(block.data());
            for (qsizetype i = 0; i < block.size() / 8; ++i)
                words[i] = quint64(at + done + i * 8) * 0x9E3779B97F4A7C15ull;
            if (f.write(block) != block.size())
                return false;
        }
    }
    return true;
}

template<typename Job>
bool await(Job &job)
{
    QSignalSpy done(&job, &Job::finished);
    if (!done.wait(600'000))
        return false;
    const auto outcome = done.first().first().template value<Outcome<>>();
    if (!outcome)
        std::fprintf(stderr, "%s\n", qPrintable(outcome.failure().toLogString()));
    return outcome.ok();
}

double seconds(const std::function<bool()> &what, bool *ok)
{
    QElapsedTimer timer;
    timer.start();
    *ok = what() && *ok;
    return double(timer.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({u"rounds"_s, u"Timed rounds (default 3)."_s, u"N"_s});
    parser.process(app);
    bool ok = true;
    const int rounds = Bench::positiveOption(parser, u"rounds"_s, 3, &ok);
    if (!ok)
        return 2;

    QTemporaryDir dir;
    VmLibrary library(dir.filePath(u"library"_s));
    if (!library.reload())
        return Bench::fail(u"cannot make the library"_s, 0);
    VmDefinition d;
    d.name = u"bench"_s;
    const Outcome<QString> staging = library.makeStagingFolder();
    if (!staging || !makeImage(*staging + u"/disk.img"_s))
        return Bench::fail(u"cannot make the image"_s, 0);
    d.disks = {{*staging + u"/disk.img"_s, u"raw"_s, u"virtio"_s, true}};
    if (!library.create(d, *staging))
        return Bench::fail(u"cannot add the VM"_s, 0);
    const QString folder = library.find(u"bench"_s)->folder;
    const QString bundle = dir.filePath(u"bench.berth"_s);
    const QString tarball = dir.filePath(u"bench.tar"_s);
    const QString untar = dir.filePath(u"untar"_s);

    const std::function<bool()> berthExport = [&] {
        VmExporter exporter(&library);
        exporter.exportVm(u"bench"_s, bundle, false);
        return await(exporter);
    };
    const std::function<bool()> tarExport = [&] {
        return run(u"tar"_s, {u"--sparse"_s, u"-cf"_s, tarball, u"vm.json"_s, u"disk.img"_s},
                   folder);
    };
    const std::function<bool()> berthImport = [&] {
        VmImporter importer(&library);
        importer.importFile(bundle, u"copy"_s);
        return await(importer);
    };
    const std::function<bool()> tarImport = [&] {
        QDir().mkpath(untar);
        return run(u"tar"_s, {u"-xSf"_s, tarball}, untar);
    };
    auto clean = [&] {
        if (library.find(u"copy"_s))
            (void)library.removeWithDisks(u"copy"_s, {dir.filePath(u"library/copy/disk.img"_s)});
        QDir(untar).removeRecursively();
        run(u"sync"_s, {});
    };

    // Warm-up: the disk in the page cache, both archives made once.
    if (!berthExport() || !tarExport() || !berthImport() || !tarImport())
        return Bench::fail(u"warm-up failed"_s, 0);
    clean();

    std::vector<double> berthOut, tarOut, berthIn, tarIn;
    for (int round = 0; round < rounds; ++round) {
        const bool berthFirst = round % 2 == 0;
        for (int side = 0; side < 2; ++side) {
            const bool berth = (side == 0) == berthFirst;
            QFile::remove(berth ? bundle : tarball);
            run(u"sync"_s, {});
            (berth ? berthOut : tarOut).push_back(seconds(berth ? berthExport : tarExport, &ok));
            run(u"sync"_s, {});
            (berth ? berthIn : tarIn).push_back(seconds(berth ? berthImport : tarImport, &ok));
            clean();
        }
    }
    if (!ok)
        return Bench::fail(u"a timed run failed"_s, 0);

    const double bOut = Bench::summarize(berthOut).p50;
    const double tOut = Bench::summarize(tarOut).p50;
    const double bIn = Bench::summarize(berthIn).p50;
    const double tIn = Bench::summarize(tarIn).p50;
    std::printf("image: 2 GiB raw, 1 GiB data in 64 MiB runs, %d rounds\n", rounds);
    std::printf("bundle %lld bytes, tar %lld bytes\n",
                static_cast<long long>(QFileInfo(bundle).size()),
                static_cast<long long>(QFileInfo(tarball).size()));
    std::printf("export: berth %.3f s (%.0f MiB/s of data), tar --sparse -c %.3f s\n", bOut,
                1024 / bOut, tOut);
    std::printf("import: berth %.3f s (checks, checksums, qemu-img info, add), tar -xS %.3f s "
                "(ratio %.2f)\n",
                bIn, tIn, bIn / tIn);
    std::printf("RESULT bundle_export_s %.3f s ratio=%.2f baseline=tar-S\n", bOut, bOut / tOut);
    return 0;
}
