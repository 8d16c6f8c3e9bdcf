// SPDX-License-Identifier: GPL-2.0-or-later
// Disk convert benchmark: the same 2 GiB raw image (half data in 64 MiB runs, half holes)
// converted to qcow2 by Berth (DiskImageJob::convert: qemu-img info of the source, the
// safety checks, `qemu-img convert -p` with its progress read from a pipe) and by plain
// `qemu-img convert` started directly, in the same run. The two alternate (which goes
// first swaps every round), the output is deleted and the page cache of the written data
// flushed (sync) between runs, untimed. The time of Berth's one extra step (qemu-img info of
// the source, for its format and the free-space estimate) is printed on its own. One untimed
// warm-up of each reads the source into the page cache first, so every timed run starts from the
// same state.
//
// The last line of the output is machine-readable:
//     RESULT disk_convert_s <berth median> s ratio=<berth / qemu-img> baseline=qemu-img-convert

#include "bench/benchsupport.h"
#include "models/disks/diskimagejob.h"
#include "models/vm/vmlibrary.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>
#include <cstdio>
#include <functional>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kImageSize = 2048 * kMiB;
constexpr qint64 kRun = 64 * kMiB; // data and holes alternate in runs of this size

volatile std::sig_atomic_t g_interrupted = 0;

/// CPU seconds used so far by this process and its reaped children (qemu-img).
double cpuSeconds()
{
    double total = 0;
    for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
        struct rusage u = {};
        ::getrusage(who, &u);
        total += double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
                 double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
    }
    return total;
}

bool run(const QString &program, const QStringList &args, QString *error)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(600'000) || p.exitStatus() != QProcess::NormalExit ||
        p.exitCode() != 0) {
        *error = u"%1 %2 failed: %3"_s.arg(program, args.join(u' '),
                                           QString::fromLocal8Bit(p.readAllStandardError()));
        return false;
    }
    return true;
}

/// Half data (a different byte in every run, so nothing is deduplicated), half holes.
bool makeSource(const QString &path, QString *error)
{
    if (!run(u"qemu-img"_s,
             {u"create"_s, u"-q"_s, u"-f"_s, u"raw"_s, path, QString::number(kImageSize)}, error))
        return false;
    QStringList args{u"-f"_s, u"raw"_s};
    for (qint64 at = 0, n = 1; at < kImageSize; at += 2 * kRun, ++n)
        args << u"-c"_s << u"write -P %1 %2 %3"_s.arg(n).arg(at).arg(kRun);
    args << path;
    return run(u"qemu-io"_s, args, error);
}

/// Seconds from @p start on a DiskImageJob to its finished(); negative on failure.
double berthTimed(VmLibrary &library, const std::function<void(DiskImageJob &)> &start,
                  QString *error)
{
    DiskImageJob job;
    job.setLibrary(&library);
    QEventLoop loop;
    QObject::connect(&job, &DiskImageJob::finished, &loop, [&](const Outcome<> &outcome) {
        *error = outcome ? QString() : outcome.failure().message();
        loop.quit();
    });
    QElapsedTimer timer;
    timer.start();
    start(job);
    loop.exec();
    return error->isEmpty() ? double(timer.nsecsElapsed()) / 1e9 : -1;
}

/// Seconds for Berth's convert; negative on failure.
double berthConvert(VmLibrary &library, const QString &source, const QString &destination,
                    QString *error)
{
    DiskConvertRequest request;
    request.source = source;
    request.destination = destination;
    request.format = u"qcow2"_s;
    return berthTimed(
        library, [&](DiskImageJob &job) { job.convert(request); }, error);
}

/// Seconds for DiskImageJob::info() alone: the step Berth runs before the convert itself.
double berthInfo(VmLibrary &library, const QString &source, QString *error)
{
    return berthTimed(
        library, [&](DiskImageJob &job) { job.info(source); }, error);
}

/// Seconds for plain qemu-img convert; negative on failure.
double plainConvert(const QString &source, const QString &destination, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    if (!run(u"qemu-img"_s,
             {u"convert"_s, u"-f"_s, u"raw"_s, u"-O"_s, u"qcow2"_s, source, destination}, error))
        return -1;
    return double(timer.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    std::signal(SIGPIPE, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Converting a 2 GiB half-sparse raw image to qcow2: Berth vs plain qemu-img."_s);
    parser.addHelpOption();
    parser.addOption(
        {u"rounds"_s, u"Timed rounds, each converting once with both (default 11)."_s, u"N"_s});
    parser.addOption({u"dir"_s, u"Where the images go (default: the temporary folder)."_s, u"DIR"_s,
                      QDir::tempPath()});
    parser.process(app);
    bool ok = true;
    const int rounds = Bench::positiveOption(parser, u"rounds"_s, 11, &ok);
    if (!ok)
        return 2;
    for (int sig : {SIGINT, SIGTERM})
        std::signal(sig, [](int s) { g_interrupted = s; });

    QTemporaryDir dir(parser.value(u"dir"_s) + u"/berth-bench-disk-XXXXXX"_s);
    if (!dir.isValid())
        return Bench::fail(u"cannot create a folder in %1"_s.arg(parser.value(u"dir"_s)), 0);
    VmLibrary library(dir.filePath(u"library"_s)); // empty: no VM uses these images
    if (const Outcome<> loaded = library.reload(); !loaded)
        return Bench::fail(loaded.failure().message(), 0);
    const QString source = dir.filePath(u"source.raw"_s);
    const QString output = dir.filePath(u"out.qcow2"_s);
    QString error;
    if (!makeSource(source, &error))
        return Bench::fail(error, 0);
    std::printf("source: %s, 2 GiB raw, 1 GiB of data in 64 MiB runs between 64 MiB holes\n",
                qPrintable(source));

    std::vector<double> berth;
    std::vector<double> plain;
    std::vector<double> berthCpu;
    std::vector<double> plainCpu;
    for (int round = 0; round <= rounds; ++round) { // round 0: warm-up, untimed
        for (int turn = 0; turn < 2; ++turn) {
            if (g_interrupted)
                return Bench::fail({}, g_interrupted);
            const bool berthTurn = (turn == 0) == (round % 2 == 0);
            const double cpuBefore = cpuSeconds();
            const double seconds = berthTurn ? berthConvert(library, source, output, &error)
                                             : plainConvert(source, output, &error);
            if (seconds < 0)
                return Bench::fail(error, g_interrupted);
            const double cpu = cpuSeconds() - cpuBefore;
            QFile::remove(output);
            ::sync(); // the next run does not pay for this one's writeback
            if (round == 0)
                continue;
            (berthTurn ? berth : plain).push_back(seconds);
            (berthTurn ? berthCpu : plainCpu).push_back(cpu);
            std::printf("round %d: %-8s %.3f s (CPU %.3f s)\n", round,
                        berthTurn ? "berth" : "qemu-img", seconds, cpu);
            std::fflush(stdout);
        }
    }
    std::vector<double> info;
    std::vector<double> paired;
    for (size_t i = 0; i < berth.size(); ++i) {
        paired.push_back(berth[i] / plain[i]);
        const double seconds = berthInfo(library, source, &error);
        if (seconds < 0)
            return Bench::fail(error, g_interrupted);
        info.push_back(seconds);
    }
    const Bench::Summary b = Bench::summarize(berth);
    const Bench::Summary q = Bench::summarize(plain);
    std::printf("berth's extra step (qemu-img info of the source) median %.1f ms; median of "
                "the per-round ratios %.3f\n",
                Bench::summarize(info).p50 * 1000, Bench::summarize(paired).p50);
    std::printf("median: berth %.3f s (min %.3f, max %.3f), qemu-img %.3f s (min %.3f, max %.3f)\n",
                b.p50, b.min, b.max, q.p50, q.min, q.max);
    std::printf("CPU (Berth and its qemu-img processes) median: berth %.3f s, qemu-img %.3f s, "
                "ratio %.3f\n",
                Bench::summarize(berthCpu).p50, Bench::summarize(plainCpu).p50,
                Bench::summarize(berthCpu).p50 / Bench::summarize(plainCpu).p50);
    std::printf("RESULT disk_convert_s %.3f s ratio=%.3f baseline=qemu-img-convert\n", b.p50,
                b.p50 / q.p50);
    return 0;
}
