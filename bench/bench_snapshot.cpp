// SPDX-License-Identifier: GPL-2.0-or-later
// Snapshot benchmark: live snapshot save and load through Berth (SnapshotOperation on a
// VmInstance) against the same QMP commands sent by a minimal blocking raw client, on the
// same QEMU in the same run, for a 256 MiB and a 1 GiB guest.
//
// Each VM runs the tiny test guest when BERTH_TEST_GUEST_DIR is set (else SeaBIOS with
// nothing to boot) under TCG, with one qcow2 disk that holds the memory state. Berth uses
// the window's monitor, the raw client the CLI's. Berth and raw alternate, one snapshot
// each per round, and each snapshot is deleted (untimed) after the round. Berth's time
// includes what it does beyond the job itself: the snapshot lists read before and after
// (query-block), the thumbnail (screendump) and writing snapshots.json.
//
// The last line of the output is machine-readable:
//     RESULT snapshot_save_load_ms <berth median save+load, summed over sizes> ms
//            ratio=<berth / raw> baseline=raw-qmp-client

#include "models/snapshots/snapshotoperation.h"
#include "models/vm/vmdevices.h"
#include "models/vm/vminstance.h"
#include "models/vm/vmlayout.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTimer>
#include <csignal>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

/// The baseline: blocking socket, one JSON line out, lines in until the job concluded.
class RawClient final
{
public:
    RawClient() = default;
    ~RawClient()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    RawClient(const RawClient &) = delete;
    RawClient &operator=(const RawClient &) = delete;

    bool open(const QString &path, QString *error)
    {
        const QByteArray native = QFile::encodeName(path);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        if (size_t(native.size()) >= sizeof(address.sun_path))
            return fail(u"socket path too long"_s, error);
        std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
        m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const timeval timeout{300, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0)
            return fail(u"connect(%1) failed"_s.arg(path), error);
        QJsonObject line;
        if (!readLine(&line, error)) // greeting
            return false;
        return call(u"qmp_capabilities"_s, {}, nullptr, error);
    }

    /// Sends @p command and waits for its reply; events are skipped.
    bool call(const QString &command, const QJsonObject &arguments, QJsonValue *result,
              QString *error)
    {
        QJsonObject request{{u"execute"_s, command}};
        if (!arguments.isEmpty())
            request.insert(u"arguments"_s, arguments);
        const QByteArray bytes = QJsonDocument(request).toJson(QJsonDocument::Compact) + "\n";
        if (::send(m_fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL) != bytes.size())
            return fail(u"send failed"_s, error);
        for (;;) {
            QJsonObject line;
            if (!readLine(&line, error))
                return false;
            if (line.contains("event"_L1)) {
                m_events.append(line);
                continue;
            }
            if (line.contains("error"_L1))
                return fail(command + u": "_s +
                                line.value("error"_L1).toObject().value("desc"_L1).toString(),
                            error);
            if (result)
                *result = line.value("return"_L1);
            return true;
        }
    }

    /// snapshot-save / snapshot-load as a job: start, wait for "concluded", read the error,
    /// dismiss.
    bool job(const QString &command, QJsonObject arguments, QString *error)
    {
        const QString id = u"raw-%1"_s.arg(++m_jobs);
        arguments.insert(u"job-id"_s, id);
        m_events.clear();
        if (!call(command, arguments, nullptr, error))
            return false;
        auto concluded = [&] {
            return std::any_of(m_events.begin(), m_events.end(), [&](const QJsonObject &e) {
                const QJsonObject d = e.value("data"_L1).toObject();
                return e.value("event"_L1).toString() == "JOB_STATUS_CHANGE"_L1 &&
                       d.value("id"_L1).toString() == id &&
                       d.value("status"_L1).toString() == "concluded"_L1;
            });
        };
        while (!concluded()) {
            QJsonObject line;
            if (!readLine(&line, error))
                return false;
            if (line.contains("event"_L1))
                m_events.append(line);
        }
        QJsonValue jobs;
        if (!call(u"query-jobs"_s, {}, &jobs, error))
            return false;
        QString jobError;
        for (const QJsonValue &j : jobs.toArray()) {
            if (j.toObject().value("id"_L1).toString() == id)
                jobError = j.toObject().value("error"_L1).toString();
        }
        if (!call(u"job-dismiss"_s, {{u"id"_s, id}}, nullptr, error))
            return false;
        if (!jobError.isEmpty())
            return fail(jobError, error);
        return true;
    }

private:
    static bool fail(const QString &message, QString *error)
    {
        *error = u"raw client: "_s + message;
        return false;
    }

    bool readLine(QJsonObject *out, QString *error)
    {
        for (;;) {
            const qsizetype newline = m_buffer.indexOf('\n');
            if (newline >= 0) {
                *out = QJsonDocument::fromJson(m_buffer.left(newline)).object();
                m_buffer.remove(0, newline + 1);
                return true;
            }
            char chunk[65536];
            const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
            if (n <= 0)
                return fail(u"connection closed or timed out"_s, error);
            m_buffer.append(chunk, n);
        }
    }

    int m_fd = -1;
    int m_jobs = 0;
    QByteArray m_buffer;
    QList<QJsonObject> m_events;
};

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty()    ? 0
           : v.size() % 2 ? v[v.size() / 2]
                          : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

/// Runs one SnapshotOperation action to its end; the time in ms, or -1 with @p error.
double timed(SnapshotOperation &op, const std::function<void()> &action, QString *error)
{
    QEventLoop loop;
    bool ok = false;
    QObject::connect(&op, &SnapshotOperation::finished, &loop, [&](const Outcome<> &outcome) {
        ok = outcome.ok();
        *error = ok ? QString() : outcome.failure().message();
        loop.quit();
    });
    QElapsedTimer t;
    t.start();
    action();
    loop.exec();
    const double ms = double(t.nsecsElapsed()) / 1e6;
    QObject::disconnect(&op, &SnapshotOperation::finished, &loop, nullptr);
    return ok ? ms : -1;
}

struct SizeResult
{
    double berthSave = 0, berthLoad = 0, rawSave = 0, rawLoad = 0;
};

bool benchSize(int memoryMiB, int rounds, SizeResult *out, QString *error)
{
    QTemporaryDir dir;
    const QString disk = dir.filePath(u"disk.qcow2"_s);
    if (QProcess::execute(u"qemu-img"_s,
                          {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, disk, u"1G"_s}) != 0) {
        *error = u"qemu-img create failed"_s;
        return false;
    }
    VmDefinition d;
    d.name = u"bench-%1"_s.arg(memoryMiB);
    d.uuid = QUuid::createUuid();
    d.memoryMiB = memoryMiB;
    d.machine = u"pc"_s;
    d.accelerator = Accelerator::Tcg;
    d.nics.clear();
    d.disks = {{disk, u"qcow2"_s, u"virtio"_s}};
    // Absolute, as a kernel path must be, whatever the user typed.
    const QString guestDir = qEnvironmentVariable("BERTH_TEST_GUEST_DIR");
    const QString guest = guestDir.isEmpty() ? guestDir : QFileInfo(guestDir).absoluteFilePath();
    if (!guest.isEmpty()) {
        d.kernel = guest + u"/vmlinuz"_s;
        d.initrd = guest + u"/initrd.img"_s;
        d.kernelArgs = u"console=ttyS0 quiet"_s;
    }
    VmInstance vm(d, dir.path(), VmInstance::MonitorRole::Gui);
    {
        QEventLoop loop;
        QObject::connect(&vm, &VmInstance::started, &loop, &QEventLoop::quit);
        QObject::connect(&vm, &VmInstance::actionFailed, &loop, &QEventLoop::quit);
        QObject::connect(&vm, &VmInstance::processEnded, &loop, &QEventLoop::quit);
        vm.start();
        loop.exec();
    }
    if (vm.state() != VmState::Running) {
        *error = u"the VM did not start: "_s + vm.lastError();
        return false;
    }
    auto stop = qScopeGuard([&] {
        QEventLoop loop;
        QObject::connect(&vm, &VmInstance::processEnded, &loop, &QEventLoop::quit);
        vm.forceStop();
        QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
        loop.exec();
    });
    if (!guest.isEmpty()) {
        // Let the guest boot so its memory holds something.
        QEventLoop wait;
        QTimer::singleShot(8'000, &wait, &QEventLoop::quit);
        wait.exec();
    }

    RawClient raw;
    if (!raw.open(vm.layout().cliMonitorPath(), error))
        return false;
    SnapshotOperation op(&vm);
    QList<double> bs, bl, rs, rl;
    const QString node = VmDevices::diskNode(0);
    // Round 0 warms up (untimed); then the order alternates, so neither side always
    // writes into an image the other has just grown.
    for (int round = 0; round <= rounds; ++round) {
        const QString berthTag = u"berth-%1"_s.arg(round);
        const QString rawTag = u"raw-%1"_s.arg(round);
        const QJsonObject rawArgs{
            {u"tag"_s, rawTag}, {u"vmstate"_s, node}, {u"devices"_s, QJsonArray{node}}};
        double berthSave = 0, berthLoad = 0, rawSave = 0, rawLoad = 0;
        auto berth = [&](bool save) {
            const double ms = timed(
                op, [&] { save ? op.create(berthTag) : op.revert(berthTag); }, error);
            (save ? berthSave : berthLoad) = ms;
            return ms >= 0;
        };
        auto rawJob = [&](bool save) {
            QElapsedTimer t;
            t.start();
            if (!raw.job(save ? u"snapshot-save"_s : u"snapshot-load"_s, rawArgs, error))
                return false;
            (save ? rawSave : rawLoad) = double(t.nsecsElapsed()) / 1e6;
            return true;
        };
        const bool berthFirst = round % 2 == 0;
        for (const bool save : {true, false}) {
            const bool ok = berthFirst ? berth(save) && rawJob(save) : rawJob(save) && berth(save);
            if (!ok)
                return false;
        }
        if (timed(
                op, [&] { op.remove(berthTag); }, error) < 0 ||
            timed(
                op, [&] { op.remove(rawTag); }, error) < 0)
            return false;
        if (round == 0)
            continue;
        bs.append(berthSave);
        bl.append(berthLoad);
        rs.append(rawSave);
        rl.append(rawLoad);
        std::printf("%4d MiB round %d (%s first): save berth %.1f raw %.1f ms, load berth %.1f "
                    "raw %.1f ms\n",
                    memoryMiB, round, berthFirst ? "berth" : "raw", berthSave, rawSave, berthLoad,
                    rawLoad);
        std::fflush(stdout);
    }
    *out = {median(bs), median(bl), median(rs), median(rl)};
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    std::signal(SIGPIPE, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Live snapshot save/load: Berth vs a raw QMP client."_s);
    parser.addHelpOption();
    parser.addOption({u"rounds"_s, u"Timed rounds per guest size, after one warm-up (default 4)."_s,
                      u"N"_s, u"4"_s});
    parser.addOption(
        {u"sizes"_s, u"Guest memory sizes in MiB (default 256,1024)."_s, u"LIST"_s, u"256,1024"_s});
    parser.process(app);
    const int rounds = std::max(1, parser.value(u"rounds"_s).toInt());

    QTemporaryDir runtime(QDir::tempPath() + u"/berth-bench-XXXXXX"_s);
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime.path()));

    double berthTotal = 0;
    double rawTotal = 0;
    for (const QString &size : parser.value(u"sizes"_s).split(u',', Qt::SkipEmptyParts)) {
        SizeResult r;
        QString error;
        if (!benchSize(size.toInt(), rounds, &r, &error)) {
            std::fprintf(stderr, "bench_snapshot: %s\n", qPrintable(error));
            return 1;
        }
        std::printf("%4d MiB median: save berth %.1f raw %.1f ms (ratio %.3f), load berth %.1f "
                    "raw %.1f ms (ratio %.3f)\n",
                    size.toInt(), r.berthSave, r.rawSave, r.berthSave / r.rawSave, r.berthLoad,
                    r.rawLoad, r.berthLoad / r.rawLoad);
        berthTotal += r.berthSave + r.berthLoad;
        rawTotal += r.rawSave + r.rawLoad;
    }
    std::printf("RESULT snapshot_save_load_ms %.1f ms ratio=%.3f baseline=raw-qmp-client\n",
                berthTotal, berthTotal / rawTotal);
    return 0;
}
